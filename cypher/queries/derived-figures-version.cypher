// Which version of the derivation rules (certainty, strength) the stored claim figures follow; null before any.
OPTIONAL MATCH (c:Counter {name: 'derived-figures'})
RETURN c.value AS version
