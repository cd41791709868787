// Proposals or reports, newest first (ids sort by time), optionally by status, target and actor.
MATCH (r:ReviewRecord {collection: $collection})
WHERE r.record IS NOT NULL
  AND (size($statuses) = 0 OR r.status IN $statuses)
  AND ($targetId IS NULL OR r.targetId = $targetId)
  AND ($actor IS NULL OR r.actor = $actor)
  AND r.id < $before
RETURN r.record AS record
ORDER BY r.id DESC
LIMIT $limit
