// A token by its public id, with the user it belongs to (for authentication).
MATCH (u:User)-[:HAS_TOKEN]->(t:ApiToken {id: $tokenId})
RETURN t.id AS id, t.hash AS hash, t.lastUsedAt AS lastUsedAt, u.name AS name, u.role AS role
