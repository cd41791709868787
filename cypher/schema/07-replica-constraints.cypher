// State that API replicas share (see docs in README "Several API replicas"): the graph's revision and
// the sliding windows of rate limits, one node per name or key.
CREATE CONSTRAINT revision_name IF NOT EXISTS FOR (r:Revision) REQUIRE r.name IS UNIQUE;
CREATE CONSTRAINT rate_window_key IF NOT EXISTS FOR (w:RateWindow) REQUIRE w.key IS UNIQUE;
