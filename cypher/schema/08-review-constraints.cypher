// The editorial workflow (server/src/review/): proposals and reports, the activity feed, releases.
CREATE CONSTRAINT review_record_id IF NOT EXISTS FOR (r:ReviewRecord) REQUIRE r.id IS UNIQUE;
CREATE INDEX review_record_collection IF NOT EXISTS FOR (r:ReviewRecord) ON (r.collection);
CREATE CONSTRAINT activity_seq IF NOT EXISTS FOR (a:Activity) REQUIRE a.seq IS UNIQUE;
CREATE CONSTRAINT release_number IF NOT EXISTS FOR (r:Release) REQUIRE r.number IS UNIQUE;
CREATE CONSTRAINT release_name IF NOT EXISTS FOR (r:Release) REQUIRE r.name IS UNIQUE;
