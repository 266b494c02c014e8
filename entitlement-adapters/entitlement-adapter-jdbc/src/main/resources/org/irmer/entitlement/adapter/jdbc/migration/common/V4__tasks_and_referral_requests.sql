-- The delegates' tasks and the index of recorded referral requests (see the adapter's SCHEMA.md,
-- "Tasks" and "Referral requests").

-- Tasks, every version, written with optimistic concurrency like the other versioned records.
CREATE TABLE task_head (
  id             ${id} PRIMARY KEY,
  version        BIGINT NOT NULL
);

CREATE TABLE task_version (
  id             ${id} NOT NULL,
  version        BIGINT NOT NULL,
  recorded_at_us BIGINT NOT NULL, -- 0: tasks have no as-of queries
  employer_id    ${id} NOT NULL,
  referrer_id    ${id} NOT NULL,
  state          VARCHAR(40) NOT NULL,
  kind           VARCHAR(40) NOT NULL,
  -- the due date as days since 1970-01-01, so that it sorts as the dates do
  due_epoch_day  BIGINT NOT NULL,
  body           ${json} NOT NULL,
  PRIMARY KEY (id, version)
);
CREATE INDEX task_version_employer ON task_version (employer_id, id, version);
CREATE INDEX task_version_referrer ON task_version (referrer_id, id, version);

-- The one task raised for each cause key: the primary key makes a raise idempotent on every node.
CREATE TABLE task_cause (
  cause_key      VARCHAR(2000) PRIMARY KEY,
  task_id        ${id} NOT NULL UNIQUE
);

-- One row per referral decision in the audit trail, written in the same batch as its trail row,
-- so that a referrer's requests at an employer over a period are counted from an index.
CREATE TABLE referral_request (
  sequence       BIGINT PRIMARY KEY, -- the trail record's sequence
  referrer_id    ${id} NOT NULL,
  employer_id    ${id} NOT NULL,
  -- the decision's instant exactly, as the trail keeps it: seconds since the epoch, and the
  -- nanosecond within that second
  at_second      BIGINT NOT NULL,
  at_nano        INTEGER NOT NULL,
  entitled       BOOLEAN NOT NULL
);
CREATE INDEX referral_request_referrer ON referral_request (referrer_id, employer_id, at_second);
