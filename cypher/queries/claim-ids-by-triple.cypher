// Existing claims linking the same two nodes by the same relation.
UNWIND $triples AS t
MATCH (:Entity {id: t.from})-[r]->(:Entity {id: t.to})
WHERE type(r) = t.relation
RETURN t.from AS from, t.relation AS relation, t.to AS to, r.id AS id
