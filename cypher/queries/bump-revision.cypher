// Moves the graph's revision on, inside the write transaction that changes the graph, so a reader
// never sees the new graph under the old revision. A restore's wipe never deletes it: revisions only
// go up. Anything that writes the graph with Cypher outside FibroGraph must run this too.
MERGE (r:Revision {name: 'graph'})
ON CREATE SET r.value = 0
SET r.value = r.value + 1
RETURN r.value AS value
