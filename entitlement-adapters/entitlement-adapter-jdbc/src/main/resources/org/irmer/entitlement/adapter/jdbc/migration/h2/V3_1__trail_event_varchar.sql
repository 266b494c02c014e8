-- H2 keeps the trail's events as CHARACTER VARYING rather than CHARACTER LARGE OBJECT (see the
-- adapter's SCHEMA.md, "Audit trail"): every recorded check appends one, and H2 stores each large
-- object apart from its row, in a map of its own that a background task then cleans, which cost a
-- recorded check more than the rest of its insert. An event is a few hundred characters; H2's
-- limit for the type is 1,000,000.
ALTER TABLE audit_trail ALTER COLUMN event SET DATA TYPE CHARACTER VARYING(1000000);
