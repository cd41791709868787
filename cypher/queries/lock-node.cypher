// Takes the write lock on a node before its version is read (Neo4j's lost-update pattern).
MATCH (n:Entity {id: $id})
SET n._lock = true
RETURN n {.*} AS node
