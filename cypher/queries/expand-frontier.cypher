// One level of a walk: every claim touching the given nodes, as the fields a walk needs.
UNWIND $ids AS id
MATCH (:Entity {id: id})-[r]-(:Entity)
WITH DISTINCT r
WITH r, startNode(r) AS a, endNode(r) AS b
RETURN r.id AS id, type(r) AS relation, a.id AS from, b.id AS to, r.strength AS strength,
  r.bestLevel AS bestLevel, a.kind AS fromKind, b.kind AS toKind
