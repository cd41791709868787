// Ids of the claims with evidence citing a source, ascending, after an id cursor.
MATCH (:Source {id: $sourceId})<-[:CITES]-(e:Evidence)
WITH DISTINCT e.claimId AS claimId
WHERE claimId > $after
RETURN claimId
ORDER BY claimId
LIMIT $first
