// Adds a token to an existing user; returns no row when there is no such user.
MATCH (u:User {name: $name})
CREATE (u)-[:HAS_TOKEN]->(:ApiToken {id: $tokenId, hash: $hash, createdAt: $createdAt})
RETURN u.name AS name, u.role AS role, u.createdAt AS createdAt
