// Replaces a claim's properties wholesale (which also drops the write-lock marker).
WITH $props.id AS claimId
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
SET r = $props
