// Appends a write's changes to the history and moves the counter past them, releasing its lock.
MATCH (c:Counter {name: 'history'})
SET c.value = $last
REMOVE c._lock
WITH c
UNWIND $changes AS change
CREATE (x:Change)
SET x = change
