// One event in a sliding window shared by every API replica: allowed while the key has fewer than
// $max events in the last $windowMs (by the database's clock, so replicas' clocks do not matter).
// The SET takes the node's write lock first, so two replicas counting at once are serialised.
MERGE (w:RateWindow {key: $key})
ON CREATE SET w.events = []
SET w._lock = true
WITH w, timestamp() AS now
WITH w, now, [t IN w.events WHERE t > now - $windowMs] AS recent
WITH w, now, recent, size(recent) < $max AS allowed
SET w.events = CASE WHEN allowed THEN recent + now ELSE recent END
REMOVE w._lock
RETURN allowed, CASE WHEN allowed THEN 0 ELSE recent[0] + $windowMs - now END AS retryAfterMs
