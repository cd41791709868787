// A page of history, newest first: changes before a sequence number, optionally about one id.
MATCH (c:Change)
WHERE c.seq < $beforeSeq AND ($targetId IS NULL OR $targetId IN c.subjects)
RETURN c {.*} AS change
ORDER BY c.seq DESC
LIMIT $limit
