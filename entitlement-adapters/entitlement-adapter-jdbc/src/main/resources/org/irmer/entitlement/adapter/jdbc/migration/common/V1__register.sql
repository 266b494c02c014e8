-- The register's records, every version kept (see the adapter's SCHEMA.md).
-- Each kind of record written with optimistic concurrency has a _version table, one row per
-- version and never updated, and a _head table with the latest version of each id, written
-- conditionally so that no update is lost. Records added once (training, compliance events,
-- audits, written procedures) have one table whose rows are only inserted.
-- Instants are whole microseconds since 1970-01-01T00:00Z (BIGINT); bodies are the record as JSON.
-- Ids are text of the dialect's id type: on PostgreSQL with the "C" collation, so that sorting by
-- id is the order of the ids' characters, as in the library, whatever the database's locale.

-- Entitlements, individual and group, in one space of ids; every version with its scope.
CREATE TABLE entitlement_head (
  id             ${id} PRIMARY KEY,
  version        BIGINT NOT NULL
);

CREATE TABLE entitlement_version (
  id             ${id} NOT NULL,
  version        BIGINT NOT NULL,
  -- when the version was recorded: the as-of queries read the highest version at or before it
  recorded_at_us BIGINT NOT NULL,
  -- the person an individual entitlement names; null for a group entitlement
  person_id      ${id},
  -- the employer of a group entitlement; null for an individual one
  group_employer ${id},
  body           ${json} NOT NULL,
  PRIMARY KEY (id, version)
);
CREATE INDEX entitlement_version_person ON entitlement_version (person_id, id, version);
CREATE INDEX entitlement_version_group ON entitlement_version (group_employer, id, version);

-- Imaging employers, every version.
CREATE TABLE employer_head (
  id             ${id} PRIMARY KEY,
  version        BIGINT NOT NULL
);

CREATE TABLE employer_version (
  id             ${id} NOT NULL,
  version        BIGINT NOT NULL,
  recorded_at_us BIGINT NOT NULL, -- 0: employers carry no instant of their own
  body           ${json} NOT NULL,
  PRIMARY KEY (id, version)
);

-- Every version of each employer's written procedures, each stored once and never changed.
CREATE TABLE written_procedures (
  employer_id        ${id} NOT NULL,
  procedures_version BIGINT NOT NULL,
  body               ${json} NOT NULL,
  PRIMARY KEY (employer_id, procedures_version)
);

-- People, every version, each with the professional registration it names.
CREATE TABLE person_head (
  id             ${id} PRIMARY KEY,
  version        BIGINT NOT NULL
);

CREATE TABLE person_version (
  id             ${id} NOT NULL,
  version        BIGINT NOT NULL,
  recorded_at_us BIGINT NOT NULL, -- 0: people carry no instant of their own
  body           ${json} NOT NULL,
  PRIMARY KEY (id, version)
);

-- Roles, numbered apart from people, every version.
CREATE TABLE role_head (
  id             ${id} PRIMARY KEY,
  version        BIGINT NOT NULL
);

CREATE TABLE role_version (
  id             ${id} NOT NULL,
  version        BIGINT NOT NULL,
  recorded_at_us BIGINT NOT NULL, -- 0: roles carry no instant of their own
  person_id      ${id} NOT NULL,
  body           ${json} NOT NULL,
  PRIMARY KEY (id, version)
);
CREATE INDEX role_version_person ON role_version (person_id, id, version);

-- Delegations of the granting of entitlement, every version.
CREATE TABLE delegation_head (
  id             ${id} PRIMARY KEY,
  version        BIGINT NOT NULL
);

CREATE TABLE delegation_version (
  id             ${id} NOT NULL,
  version        BIGINT NOT NULL,
  recorded_at_us BIGINT NOT NULL, -- 0: delegations carry no instant of their own
  employer_id    ${id} NOT NULL,
  body           ${json} NOT NULL,
  PRIMARY KEY (id, version)
);
CREATE INDEX delegation_version_employer ON delegation_version (employer_id, id, version);

-- Applications for entitlement, every version.
CREATE TABLE application_head (
  id             ${id} PRIMARY KEY,
  version        BIGINT NOT NULL
);

CREATE TABLE application_version (
  id             ${id} NOT NULL,
  version        BIGINT NOT NULL,
  recorded_at_us BIGINT NOT NULL,
  applicant_id   ${id} NOT NULL,
  body           ${json} NOT NULL,
  PRIMARY KEY (id, version)
);
CREATE INDEX application_version_applicant ON application_version (applicant_id, id, version);

-- Shared-responsibility agreements between employers, every version.
CREATE TABLE agreement_head (
  id             ${id} PRIMARY KEY,
  version        BIGINT NOT NULL
);

CREATE TABLE agreement_version (
  id                   ${id} NOT NULL,
  version              BIGINT NOT NULL,
  recorded_at_us       BIGINT NOT NULL, -- 0: agreements carry no instant of their own
  recognising_employer ${id} NOT NULL,
  body                 ${json} NOT NULL,
  PRIMARY KEY (id, version)
);
CREATE INDEX agreement_version_recognising ON agreement_version (recognising_employer, id, version);

-- Change notices, every version: given, then withdrawn or in effect.
CREATE TABLE change_notice_head (
  id             ${id} PRIMARY KEY,
  version        BIGINT NOT NULL
);

CREATE TABLE change_notice_version (
  id             ${id} NOT NULL,
  version        BIGINT NOT NULL,
  recorded_at_us BIGINT NOT NULL,
  person_id      ${id} NOT NULL,
  status         VARCHAR(40) NOT NULL,
  body           ${json} NOT NULL,
  PRIMARY KEY (id, version)
);
CREATE INDEX change_notice_version_person ON change_notice_version (person_id, id, version);
CREATE INDEX change_notice_version_status ON change_notice_version (status, id, version);

-- Training records, added once.
CREATE TABLE training_record (
  id             ${id} PRIMARY KEY,
  person_id      ${id} NOT NULL,
  body           ${json} NOT NULL
);
CREATE INDEX training_record_person ON training_record (person_id);

-- Compliance events against referrers, added once.
CREATE TABLE compliance_event (
  id             ${id} PRIMARY KEY,
  referrer_id    ${id} NOT NULL,
  employer_id    ${id} NOT NULL,
  body           ${json} NOT NULL
);
CREATE INDEX compliance_event_referrer ON compliance_event (referrer_id, employer_id);

-- Audits of referrers' practice, added once.
CREATE TABLE audit_record (
  id             ${id} PRIMARY KEY,
  referrer_id    ${id} NOT NULL,
  employer_id    ${id} NOT NULL,
  body           ${json} NOT NULL
);
CREATE INDEX audit_record_referrer ON audit_record (referrer_id, employer_id);

-- The examination catalogue, replaced whole when it is loaded.
CREATE TABLE examination (
  code           ${id} PRIMARY KEY,
  body           ${json} NOT NULL
);

-- The body-region tree of the examination catalogue: at most one row, id 1.
CREATE TABLE body_region_tree (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  body           ${json} NOT NULL
);

-- Referral guidelines, replaced whole when they are loaded.
CREATE TABLE guideline (
  id             ${id} PRIMARY KEY,
  indication     ${id} NOT NULL,
  examination    ${id} NOT NULL,
  body           ${json} NOT NULL
);
CREATE INDEX guideline_advice ON guideline (indication, examination);

-- The statutory regulators' register entries, as the embedding application loads them.
CREATE TABLE register_entry (
  regulator           VARCHAR(40) NOT NULL,
  registration_number VARCHAR(200) NOT NULL,
  body                ${json} NOT NULL,
  PRIMARY KEY (regulator, registration_number)
);

-- The notification outbox: every notification accepted, in the order accepted; rows are kept.
CREATE TABLE notification_outbox (
  sequence         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- the key of a notification sent once under it; null for one sent plainly
  notification_key VARCHAR(2000) UNIQUE,
  body             ${json} NOT NULL
);
