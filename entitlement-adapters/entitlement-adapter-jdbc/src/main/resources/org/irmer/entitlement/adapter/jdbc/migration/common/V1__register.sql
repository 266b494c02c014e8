-- The register's records, every version kept (see the adapter's SCHEMA.md).
-- Each kind of record has a _version table, one row per version and never updated, and a _head
-- table with the latest version of each id, written conditionally so that no update is lost.
-- Instants are whole microseconds since 1970-01-01T00:00Z (BIGINT); bodies are the record as JSON.

CREATE TABLE entitlement_head (
  id             VARCHAR(200) PRIMARY KEY,
  version        BIGINT NOT NULL
);

CREATE TABLE entitlement_version (
  id             VARCHAR(200) NOT NULL,
  version        BIGINT NOT NULL,
  recorded_at_us BIGINT NOT NULL,
  person_id      VARCHAR(200),
  group_employer VARCHAR(200),
  body           ${json} NOT NULL,
  PRIMARY KEY (id, version)
);
CREATE INDEX entitlement_version_person ON entitlement_version (person_id, id, version);
CREATE INDEX entitlement_version_group ON entitlement_version (group_employer, id, version);
