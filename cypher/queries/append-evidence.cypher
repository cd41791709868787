// Adds one evidence item after a claim's existing ones.
MATCH (s:Source {id: $sourceId})
CALL () {
  OPTIONAL MATCH (old:Evidence {claimId: $props.claimId})
  RETURN coalesce(max(old.position), -1) + 1 AS position
}
CREATE (e:Evidence)
SET e = $props, e.position = position
CREATE (e)-[:CITES]->(s)
