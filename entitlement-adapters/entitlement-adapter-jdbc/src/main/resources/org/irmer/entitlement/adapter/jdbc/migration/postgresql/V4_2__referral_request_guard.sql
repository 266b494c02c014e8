-- The index of recorded referral requests is written with the trail and, like it, only appended
-- to (see the adapter's SCHEMA.md, "Referral requests"): the same trigger refuses UPDATE, DELETE
-- and TRUNCATE, and the application role may only insert and select.

CREATE TRIGGER referral_request_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON referral_request
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_trail_change();

REVOKE ALL ON referral_request FROM ${application_role};
GRANT SELECT, INSERT ON referral_request TO ${application_role};
