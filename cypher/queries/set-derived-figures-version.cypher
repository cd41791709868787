// Records that every claim's stored figures follow derivation rules version $version.
MERGE (c:Counter {name: 'derived-figures'})
SET c.value = $version
