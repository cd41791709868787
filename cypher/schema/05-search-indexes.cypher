// entity_text: for people, over the fields as written (accents folded).
CREATE FULLTEXT INDEX entity_text IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.aliasesText, n.xrefsText, n.summary]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } };
// entity_search: for the store's search, over searchText (the fields normalised exactly as the
// shared ranking normalises them), split on whitespace only, so its words are the ranking's words.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Entity) ON EACH [n.searchText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace' } };
