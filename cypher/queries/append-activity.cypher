// Appends one entry to the activity feed; the counter's write lock hands out sequence numbers in order.
MERGE (c:Counter {name: 'activity'})
ON CREATE SET c.value = 0
SET c.value = c.value + 1
CREATE (a:Activity)
SET a = $event, a.seq = c.value
