// Evidence hangs off its claim by claimId (a claim is a relationship, so it cannot own nodes).
CREATE INDEX evidence_claim_id IF NOT EXISTS FOR (e:Evidence) ON (e.claimId);
