// The frozen graph of one release (gzipped JSON in base64).
MATCH (r:Release {number: $number})
RETURN r.snapshot AS snapshot
