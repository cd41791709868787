// How many nodes the graph has (restore needs an empty store).
MATCH (n:Entity)
RETURN count(n) AS count
