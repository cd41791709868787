// What still refers to a node: claims touching it and evidence citing it.
MATCH (n:Entity {id: $id})
RETURN COUNT { (n)-[]-(:Entity) } AS claims, COUNT { (n)<-[:CITES]-(:Evidence) } AS citations
