// Claims with evidence of both stances, the strongest disputing evidence first, then by id.
MATCH (:Entity)-[r]->(:Entity)
WHERE r.contested = true
WITH r ORDER BY r.bestDisputeWeight DESC, r.id LIMIT $first
// The evidence lookup seeks the claimId index only when given a plain variable.
WITH r, r.id AS claimId
RETURN r {.*} AS claim, startNode(r).id AS from, endNode(r).id AS to,
  COLLECT {
    MATCH (e:Evidence {claimId: claimId})-[:CITES]->(s:Source)
    RETURN e {.*, sourceId: s.id} ORDER BY e.position
  } AS evidence
ORDER BY claim.bestDisputeWeight DESC, claim.id
