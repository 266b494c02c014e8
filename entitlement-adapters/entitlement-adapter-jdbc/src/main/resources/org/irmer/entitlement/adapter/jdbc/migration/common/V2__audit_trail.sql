-- The audit trail (see the adapter's SCHEMA.md, "Audit trail"): one row per record, never updated
-- or deleted, numbered from 1 without gaps, each chained to the one before by SHA-256; the head
-- row that serialises appends from every node; and the signed checkpoints.

CREATE TABLE audit_trail (
  sequence       BIGINT PRIMARY KEY,
  previous_hash  CHAR(64) NOT NULL,
  hash           CHAR(64) NOT NULL,
  event          ${json} NOT NULL
);

-- One row, locked FOR UPDATE by each append and each checkpoint for the rest of its unit of work:
-- the sequence and hash of the last record, and the checkpoint issued last (0 and NULL before any).
CREATE TABLE audit_trail_head (
  id                     INTEGER PRIMARY KEY CHECK (id = 1),
  sequence               BIGINT NOT NULL,
  hash                   CHAR(64) NOT NULL,
  checkpoint_number      BIGINT NOT NULL,
  checkpoint_sequence    BIGINT NOT NULL,
  checkpoint_issued_at_us BIGINT
);
INSERT INTO audit_trail_head VALUES
  (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0, 0, NULL);

CREATE TABLE audit_checkpoint (
  number         BIGINT PRIMARY KEY,
  sequence       BIGINT NOT NULL,
  head_hash      CHAR(64) NOT NULL,
  issued_at_us   BIGINT NOT NULL,
  algorithm      VARCHAR(20) NOT NULL,
  key_id         VARCHAR(64) NOT NULL,
  signature      VARCHAR(200) NOT NULL
);
