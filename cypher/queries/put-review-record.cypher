// Writes a locked proposal or report: its keys for listing and the whole record as JSON.
MATCH (r:ReviewRecord {id: $id})
SET r.collection = $collection, r.status = $status, r.targetId = $targetId, r.actor = $actor,
    r.version = $version, r.record = $record
REMOVE r._lock
