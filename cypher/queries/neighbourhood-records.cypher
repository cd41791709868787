// One neighbourhood answer's records: the nodes in $ids (the answer), every claim between two of
// them (once, from its start), and every claim between one of them and a node in $before (ranked
// before the answer: an earlier page), each with its evidence in stored order. Rows hold either a
// node or a claim. Nodes are looked up once and claims' far ends compared by identity, so no far
// end's properties are read to test it.
CALL () {
  UNWIND $ids AS id
  MATCH (n:Entity {id: id})
  RETURN collect(n) AS page
}
CALL () {
  UNWIND $before AS id
  MATCH (m:Entity {id: id})
  RETURN collect(m) AS before
}
CALL (page, before) {
  UNWIND page AS n
  RETURN n {.*} AS node, null AS claim, null AS from, null AS to, null AS evidence
  UNION ALL
  UNWIND page AS a
  MATCH (a)-[r]->(b)
  WHERE b IN page
  RETURN null AS node, r {.*} AS claim, a.id AS from, b.id AS to,
    COLLECT {
      MATCH (e:Evidence {claimId: r.id})-[:CITES]->(s:Source)
      RETURN e {.*, sourceId: s.id} ORDER BY e.position
    } AS evidence
  UNION ALL
  WITH page, before
  WHERE size(before) > 0
  UNWIND page AS a
  MATCH (a)-[r]-(b)
  WHERE b IN before
  RETURN null AS node, r {.*} AS claim, startNode(r).id AS from, endNode(r).id AS to,
    COLLECT {
      MATCH (e:Evidence {claimId: r.id})-[:CITES]->(s:Source)
      RETURN e {.*, sourceId: s.id} ORDER BY e.position
    } AS evidence
}
RETURN node, claim, from, to, evidence
