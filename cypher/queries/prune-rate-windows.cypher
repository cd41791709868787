// Forgets shared rate windows whose newest event is older than $olderThanMs (longer than any window),
// so keys nobody uses again (one-off client addresses, guessed token ids) do not pile up.
MATCH (w:RateWindow)
WHERE size(w.events) = 0 OR w.events[size(w.events) - 1] < timestamp() - $olderThanMs
DETACH DELETE w
RETURN count(*) AS pruned
