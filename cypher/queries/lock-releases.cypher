// Locks the release counter (serialising releases) and says whether the name is taken.
MERGE (c:Counter {name: 'release'})
ON CREATE SET c.value = 0
SET c._lock = true
WITH c
OPTIONAL MATCH (taken:Release {name: $name})
RETURN c.value AS value, taken IS NOT NULL AS nameTaken
