// Claims by id, each with its ends and its evidence in stored order; unknown ids give no row.
UNWIND $ids AS claimId
// One index seek per relation type (the id constraints), since a claim id does not say its type.
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
RETURN r {.*} AS claim, startNode(r).id AS from, endNode(r).id AS to,
  COLLECT {
    MATCH (e:Evidence {claimId: claimId})-[:CITES]->(s:Source)
    RETURN e {.*, sourceId: s.id} ORDER BY e.position
  } AS evidence
