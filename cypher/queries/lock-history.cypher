// Locks the history counter (created on first use), serialising writes; returns the last sequence number.
MERGE (c:Counter {name: 'history'})
ON CREATE SET c.value = 0
SET c._lock = true
RETURN c.value AS value
