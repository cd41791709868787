// How long until the key's shared sliding window (take-rate-slot.cypher) has room for one more event:
// 0 while it has fewer than $max events in the last $windowMs. Reads only; the database's clock.
OPTIONAL MATCH (w:RateWindow {key: $key})
WITH timestamp() AS now, coalesce(w.events, []) AS events
WITH now, [t IN events WHERE t > now - $windowMs] AS recent
RETURN CASE WHEN size(recent) < $max THEN 0 ELSE recent[size(recent) - $max] + $windowMs - now END AS retryAfterMs
