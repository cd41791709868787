// Waits until every index is online (a new full-text index fills in the background).
CALL db.awaitIndexes(300)
