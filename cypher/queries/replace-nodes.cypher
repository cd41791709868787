// Replaces nodes' properties wholesale (which also drops the write-lock marker).
UNWIND $nodes AS node
MATCH (n:Entity {id: node.props.id})
SET n = node.props
