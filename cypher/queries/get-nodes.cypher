// Nodes (concepts and sources) by id; unknown ids give no row.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n {.*} AS node
