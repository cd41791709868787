// Deletes one token by id; returns no row when there was none.
MATCH (u:User)-[:HAS_TOKEN]->(t:ApiToken {id: $tokenId})
WITH u.name AS name, t.id AS tokenId, t
DETACH DELETE t
RETURN tokenId, name
