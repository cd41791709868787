// One change by its sequence number.
MATCH (c:Change {seq: $seq})
RETURN c {.*} AS change
