// A page of nodes in id order, optionally of some kinds, after an id cursor ('' for the first page).
MATCH (n:Entity)
WHERE n.id > $after AND (size($kinds) = 0 OR n.kind IN $kinds)
RETURN n {.*} AS node
ORDER BY n.id
LIMIT $first
