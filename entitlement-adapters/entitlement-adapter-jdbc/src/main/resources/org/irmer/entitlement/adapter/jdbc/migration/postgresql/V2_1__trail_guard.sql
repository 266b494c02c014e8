-- The database itself keeps the audit trail append-only (see the adapter's SCHEMA.md, "Audit
-- trail"): a trigger refuses UPDATE, DELETE and TRUNCATE on the trail and its checkpoints, whoever
-- asks, owner included; and the application's sessions run as ${application_role}, which may read
-- and write the register's tables but only insert into and select from the trail and checkpoints.

CREATE FUNCTION refuse_audit_trail_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_trail_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_trail
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_trail_change();

CREATE TRIGGER audit_checkpoint_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_checkpoint
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_trail_change();

-- Roles belong to the whole cluster, and every schema of it migrates this file: create the role
-- once, and let a concurrent creator win.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${application_role}') THEN
    CREATE ROLE ${application_role} NOLOGIN;
  END IF;
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

-- The login that migrates must be able to SET ROLE to it (a superuser always can).
DO $$
BEGIN
  IF NOT pg_has_role(current_user, '${application_role}', 'MEMBER') THEN
    EXECUTE format('GRANT %I TO %I', '${application_role}', current_user);
  END IF;
END
$$;

GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO ${application_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${flyway:defaultSchema}
  TO ${application_role};
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${flyway:defaultSchema}
  TO ${application_role};
-- Tables and sequences later migrations create get the same.
ALTER DEFAULT PRIVILEGES IN SCHEMA ${flyway:defaultSchema}
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${application_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA ${flyway:defaultSchema}
  GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${application_role};

REVOKE ALL ON audit_trail, audit_checkpoint FROM ${application_role};
GRANT SELECT, INSERT ON audit_trail, audit_checkpoint TO ${application_role};
REVOKE ALL ON ${flyway:table} FROM ${application_role};
