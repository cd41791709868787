// Takes the write lock on a claim before its version is read, and returns it with the kinds of its ends.
WITH $id AS claimId
CALL (claimId) {
  MATCH ()-[r:PROPOSES {id: claimId}]->() RETURN r
  UNION
  MATCH ()-[r:EXPLAINS {id: claimId}]->() RETURN r
  UNION
  MATCH ()-[r:CAUSES {id: claimId}]->() RETURN r
  UNION
  MATCH ()-[r:ASSOCIATED_WITH {id: claimId}]->() RETURN r
  UNION
  MATCH ()-[r:TARGETS {id: claimId}]->() RETURN r
  UNION
  MATCH ()-[r:RELIEVES {id: claimId}]->() RETURN r
  UNION
  MATCH ()-[r:BUILDS_ON {id: claimId}]->() RETURN r
  UNION
  MATCH ()-[r:CONFLICTS_WITH {id: claimId}]->() RETURN r
  UNION
  MATCH ()-[r:INVOLVES {id: claimId}]->() RETURN r
  UNION
  MATCH ()-[r:LOCATED_IN {id: claimId}]->() RETURN r
UNION
  MATCH ()-[r:TESTS {id: claimId}]->() RETURN r
}
SET r._lock = true
RETURN r {.*} AS claim, startNode(r).id AS from, endNode(r).id AS to,
  COLLECT {
    MATCH (e:Evidence {claimId: claimId})-[:CITES]->(s:Source)
    RETURN e {.*, sourceId: s.id} ORDER BY e.position
  } AS evidence,
  startNode(r).kind AS fromKind, endNode(r).kind AS toKind
