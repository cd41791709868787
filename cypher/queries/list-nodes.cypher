// A page of nodes in id order, optionally of some kinds, after an id cursor.
MATCH (n:Entity)
WHERE (size($kinds) = 0 OR n.kind IN $kinds) AND ($after IS NULL OR n.id > $after)
RETURN n {.*} AS node
ORDER BY n.id
LIMIT $first
