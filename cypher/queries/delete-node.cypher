// Deletes a node; plain DELETE, so Neo4j refuses if anything is still attached.
MATCH (n:Entity {id: $id})
DELETE n
