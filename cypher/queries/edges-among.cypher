// Claims from the given nodes to nodes in $within (a map keyed by node id, so the test is a lookup
// after the expand rather than an index join), as the fields a walk needs.
UNWIND $ids AS id
MATCH (:Entity {id: id})-[r]-(other:Entity)
WHERE $within[other.id] IS NOT NULL
WITH DISTINCT r
WITH r, startNode(r) AS a, endNode(r) AS b
RETURN r.id AS id, type(r) AS relation, a.id AS from, b.id AS to, r.strength AS strength,
  r.bestLevel AS bestLevel, a.kind AS fromKind, b.kind AS toKind
