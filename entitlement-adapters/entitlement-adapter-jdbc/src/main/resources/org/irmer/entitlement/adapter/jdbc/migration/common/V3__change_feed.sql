-- The register's change feed (see the adapter's SCHEMA.md, "Change feed").
-- change_feed_head holds one row, the last sequence issued. A publishing transaction increments
-- it, which locks the row until that transaction ends: publishers are serialized, so sequences
-- increase in commit order. change_feed keeps every committed change, in sequence order.

CREATE TABLE change_feed_head (
  id            INTEGER PRIMARY KEY,
  last_sequence BIGINT NOT NULL,
  CONSTRAINT change_feed_head_one_row CHECK (id = 1)
);
INSERT INTO change_feed_head (id, last_sequence) VALUES (1, 0);

CREATE TABLE change_feed (
  sequence BIGINT PRIMARY KEY,
  kind     VARCHAR(40) NOT NULL,
  subject  VARCHAR(200) NOT NULL
);
