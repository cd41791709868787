// Every user with their tokens (never the hashes), users by name, tokens oldest first.
MATCH (u:User)
OPTIONAL MATCH (u)-[:HAS_TOKEN]->(t:ApiToken)
WITH u, t
ORDER BY t.createdAt, t.id
WITH u, collect(t {.id, .createdAt, .lastUsedAt}) AS tokens
RETURN u.name AS name, u.role AS role, u.createdAt AS createdAt, tokens
ORDER BY name
