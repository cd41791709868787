// Counts of nodes by kind, claims by relation and by certainty ('ungraded' for claims with none), evidence
// by level and stance, contested claims and changes.
CALL () {
  MATCH (n:Entity)
  WITH n.kind AS key, count(*) AS count
  RETURN collect([key, count]) AS nodesByKind
}
CALL () {
  MATCH (:Entity)-[r]->(:Entity)
  WITH type(r) AS key, count(*) AS count
  RETURN collect([key, count]) AS claimsByRelation
}
CALL () {
  MATCH (e:Evidence)
  WITH e.level AS key, count(*) AS count
  RETURN collect([key, count]) AS evidenceByLevel
}
CALL () {
  MATCH (e:Evidence)
  WITH e.stance AS key, count(*) AS count
  RETURN collect([key, count]) AS evidenceByStance
}
CALL () {
  MATCH (:Entity)-[r]->(:Entity)
  WITH coalesce(r.certainty, 'ungraded') AS key, count(*) AS count
  RETURN collect([key, count]) AS claimsByCertainty
}
CALL () {
  MATCH (:Entity)-[r]->(:Entity)
  WHERE r.contested = true
  RETURN count(r) AS contestedClaims
}
CALL () {
  MATCH (c:Change)
  RETURN count(c) AS changes
}
RETURN nodesByKind, claimsByRelation, claimsByCertainty, evidenceByLevel, evidenceByStance, contestedClaims, changes
