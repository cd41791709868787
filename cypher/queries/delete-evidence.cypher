// Deletes one evidence item of a claim.
MATCH (e:Evidence {claimId: $claimId, id: $evidenceId})
DETACH DELETE e
