// Deletes every token of a user and returns their ids; returns no row when there is no such user.
MATCH (u:User {name: $name})
OPTIONAL MATCH (u)-[:HAS_TOKEN]->(t:ApiToken)
WITH u, collect(t) AS tokens
WITH u, tokens, [token IN tokens | token.id] AS tokenIds
FOREACH (token IN tokens | DETACH DELETE token)
RETURN u.name AS name, tokenIds
