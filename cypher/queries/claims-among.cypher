// Claims whose two ends are both among $ids.
UNWIND $ids AS id
MATCH (:Entity {id: id})-[r]->(b:Entity)
WHERE b.id IN $ids
// The evidence lookup seeks the claimId index only when given a plain variable.
WITH r, r.id AS claimId
RETURN r {.*} AS claim, startNode(r).id AS from, endNode(r).id AS to,
  COLLECT {
    MATCH (e:Evidence {claimId: claimId})-[:CITES]->(s:Source)
    RETURN e {.*, sourceId: s.id} ORDER BY e.position
  } AS evidence
ORDER BY claim.id
