// Creates a user with a first token; the unique constraint on User.name refuses a duplicate.
CREATE (u:User {name: $name, role: $role, createdAt: $createdAt})
CREATE (u)-[:HAS_TOKEN]->(:ApiToken {id: $tokenId, hash: $hash, createdAt: $createdAt})
