// Claims touching a node: 'out' (it is the from end), 'in', or 'both'.
MATCH (n:Entity {id: $id})-[r]-(:Entity)
WHERE $direction = 'both'
  OR ($direction = 'out' AND startNode(r) = n)
  OR ($direction = 'in' AND endNode(r) = n)
WITH DISTINCT r
// The evidence lookup seeks the claimId index only when given a plain variable.
WITH r, r.id AS claimId
RETURN r {.*} AS claim, startNode(r).id AS from, endNode(r).id AS to,
  COLLECT {
    MATCH (e:Evidence {claimId: claimId})-[:CITES]->(s:Source)
    RETURN e {.*, sourceId: s.id} ORDER BY e.position
  } AS evidence
ORDER BY claim.id
