// One neighbourhood answer's records: the nodes in $ids, and every claim from one of them to a node
// in $within (a map keyed by node id: the answer's nodes and those ranked before them), each with its
// evidence in stored order. A claim between two answer nodes ($page, also a map) is returned from its
// start only, so it comes once. Rows hold either a node or a claim.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n {.*} AS node, null AS claim, null AS from, null AS to, null AS evidence
UNION ALL
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]-(b:Entity)
WHERE $within[b.id] IS NOT NULL AND (startNode(r) = a OR $page[b.id] IS NULL)
RETURN null AS node, r {.*} AS claim, startNode(r).id AS from, endNode(r).id AS to,
  COLLECT {
    MATCH (e:Evidence {claimId: r.id})-[:CITES]->(s:Source)
    RETURN e {.*, sourceId: s.id} ORDER BY e.position
  } AS evidence
