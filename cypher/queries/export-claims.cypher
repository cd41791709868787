// Every claim, for export.
MATCH (:Entity)-[r]->(:Entity)
RETURN r {.*} AS claim, startNode(r).id AS from, endNode(r).id AS to,
  COLLECT {
    MATCH (e:Evidence {claimId: r.id})-[:CITES]->(s:Source)
    RETURN e {.*, sourceId: s.id} ORDER BY e.position
  } AS evidence
ORDER BY claim.id
