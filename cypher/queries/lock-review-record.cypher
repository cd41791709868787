// Locks a proposal or report (creating a placeholder at version 0 for a new one; the transaction
// rolls it back if the save does not go ahead) and returns its stored version.
MERGE (r:ReviewRecord {id: $id})
ON CREATE SET r.version = 0
SET r._lock = true
RETURN r.version AS version
