// Creates claims as relationships typed by their relation, between existing nodes.
UNWIND $claims AS claim
MATCH (a:Entity {id: claim.from})
MATCH (b:Entity {id: claim.to})
CREATE (a)-[r:$(claim.relation)]->(b)
SET r = claim.props
