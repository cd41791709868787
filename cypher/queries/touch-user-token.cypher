// Records when a token was last used; matches nothing once the token is revoked.
MATCH (t:ApiToken {id: $tokenId})
SET t.lastUsedAt = $at
