// One proposal or report by id (placeholders of uncommitted saves have no record yet).
MATCH (r:ReviewRecord {id: $id})
WHERE r.record IS NOT NULL
RETURN r.record AS record
