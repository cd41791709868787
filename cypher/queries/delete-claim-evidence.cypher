// Deletes every evidence item of some claims.
UNWIND $claimIds AS claimId
MATCH (e:Evidence {claimId: claimId})
DETACH DELETE e
