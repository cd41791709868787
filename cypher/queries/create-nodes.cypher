// Creates nodes with their labels (:Entity plus the kind label) and properties.
UNWIND $nodes AS node
CREATE (n:$(node.labels))
SET n = node.props
