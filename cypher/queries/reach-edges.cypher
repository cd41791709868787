// What a walk reads before it walks, in one round trip: for each start [id, radius], one row with the
// start's kind, then every claim touching a node within `radius` hops of it (0..3; below 0, none), as
// the fields a walk needs. An unknown start gives no row. Variable-length bounds cannot be parameters,
// so each radius is its own branch; the guard drops the other branches before they expand.
UNWIND $starts AS start
MATCH (s:Entity {id: start[0]})
RETURN s.id AS startId, s.kind AS startKind, null AS id, null AS relation, null AS from, null AS to,
  null AS strength, null AS bestLevel, null AS fromKind, null AS toKind
UNION ALL
UNWIND $starts AS start
MATCH (s:Entity {id: start[0]})
WITH s, start[1] AS radius
CALL (s, radius) {
  WITH s WHERE radius = 0
  RETURN s AS n
  UNION
  WITH s WHERE radius = 1
  MATCH (s)-[*0..1]-(n:Entity)
  RETURN DISTINCT n
  UNION
  WITH s WHERE radius = 2
  MATCH (s)-[*0..2]-(n:Entity)
  RETURN DISTINCT n
  UNION
  WITH s WHERE radius = 3
  MATCH (s)-[*0..3]-(n:Entity)
  RETURN DISTINCT n
}
MATCH (n)-[r]-(:Entity)
WITH DISTINCT r
WITH r, startNode(r) AS a, endNode(r) AS b
RETURN null AS startId, null AS startKind, r.id AS id, type(r) AS relation, a.id AS from, b.id AS to,
  r.strength AS strength, r.bestLevel AS bestLevel, a.kind AS fromKind, b.kind AS toKind
