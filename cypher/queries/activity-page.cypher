// A page of the activity feed, newest first, optionally by actor and by what it concerns.
MATCH (a:Activity)
WHERE a.seq < $beforeSeq
  AND ($actor IS NULL OR a.actor = $actor)
  AND ($targetId IS NULL OR a.targetId = $targetId OR a.subjectId = $targetId)
RETURN a {.*} AS event
ORDER BY a.seq DESC
LIMIT $limit
