// Search candidates from the entity_search full-text index, best Lucene score first.
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
WHERE size($kinds) = 0 OR node.kind IN $kinds
RETURN node {.*} AS node
LIMIT $limit
