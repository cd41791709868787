// Every node, for export.
MATCH (n:Entity)
RETURN n {.*} AS node
ORDER BY n.id
