// A theory's subgraph members: what it proposes, explains and involves, the theories it builds on or
// conflicts with (either way), and therapies that target its mechanisms or relieve its symptoms.
MATCH (t:Theory {id: $id})
CALL (t) {
  MATCH (t)-[:PROPOSES|EXPLAINS|BUILDS_ON|CONFLICTS_WITH|INVOLVES]->(m:Entity)
  RETURN m
  UNION
  MATCH (t)<-[:BUILDS_ON|CONFLICTS_WITH]-(m:Entity)
  RETURN m
}
WITH t, collect(DISTINCT m) AS direct
CALL (t, direct) {
  UNWIND direct + [t] AS member
  MATCH (therapy:Entity)-[:TARGETS|RELIEVES]->(member)
  RETURN collect(DISTINCT therapy.id) AS therapies
}
RETURN [t.id] + [m IN direct | m.id] + therapies AS ids
