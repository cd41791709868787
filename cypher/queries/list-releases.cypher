// Every release's record, oldest first.
MATCH (r:Release)
RETURN r.record AS record
ORDER BY r.number
