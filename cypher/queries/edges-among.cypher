// Claims from the given nodes to nodes in $within, as the fields a walk needs.
UNWIND $ids AS id
MATCH (:Entity {id: id})-[r]-(other:Entity)
WHERE other.id IN $within
WITH DISTINCT r
WITH r, startNode(r) AS a, endNode(r) AS b
RETURN r.id AS id, type(r) AS relation, a.id AS from, b.id AS to, r.strength AS strength,
  r.bestLevel AS bestLevel, a.kind AS fromKind, b.kind AS toKind
