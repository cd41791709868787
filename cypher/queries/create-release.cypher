// Stores a release (its record as JSON, the snapshot as gzipped JSON in base64) and releases the counter.
MATCH (c:Counter {name: 'release'})
SET c.value = $number
REMOVE c._lock
CREATE (:Release {number: $number, name: $name, record: $record, snapshot: $snapshot})
