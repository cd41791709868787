// Deletes up to $limit graph records (nodes, evidence, history); run until it deletes 0.
// Used only to undo a failed restore, which by definition started from an empty store.
MATCH (n)
WHERE n:Entity OR n:Evidence OR n:Change OR n:Counter
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
