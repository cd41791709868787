// Creates evidence nodes, each citing its source.
UNWIND $items AS item
MATCH (s:Source {id: item.sourceId})
CREATE (e:Evidence)
SET e = item.props
CREATE (e)-[:CITES]->(s)
