// The graph's revision: moved on by every FibroGraph write transaction (bump-revision), 0 before the
// first. API replicas read it to know whether a cached answer still holds.
OPTIONAL MATCH (r:Revision {name: 'graph'})
RETURN coalesce(r.value, 0) AS value
