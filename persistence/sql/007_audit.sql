-- GenomDE schema 007: the audit trail (our own tables, written by PostgresAuditStore).
--
-- Append-only: the platform inserts and reads, never changes or deletes. A trigger refuses UPDATE,
-- DELETE and TRUNCATE for everyone who does not switch triggers off (only a superuser or the
-- table owner can), and role genomde_app, the role the platform's login should be a member of in
-- production, is granted INSERT and SELECT only. Whoever can still rewrite rows cannot rewrite
-- them unnoticed: every entry's hash covers the previous one's, and signed checkpoints, kept by
-- participants outside the database, pin the head (docs/security.md).

CREATE TABLE IF NOT EXISTS genomde_audit
(
    seq       bigint PRIMARY KEY,
    prev_hash text   NOT NULL,
    hash      text   NOT NULL,
    entry     text   NOT NULL        -- the AuditDraft as JSON (ids, action, target, outcome, body digest)
);

CREATE TABLE IF NOT EXISTS genomde_audit_checkpoints
(
    seq        bigint      NOT NULL,
    head_hash  text        NOT NULL,
    time       timestamptz NOT NULL,
    key_id     text        NOT NULL,
    public_key text        NOT NULL,
    signature  text        NOT NULL,
    PRIMARY KEY (seq, key_id)
);

CREATE OR REPLACE FUNCTION genomde_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only (% on %)', TG_OP, TG_TABLE_NAME;
END;
$$;

DROP TRIGGER IF EXISTS genomde_audit_append_only ON genomde_audit;
CREATE TRIGGER genomde_audit_append_only BEFORE UPDATE OR DELETE ON genomde_audit
    FOR EACH ROW EXECUTE FUNCTION genomde_audit_append_only();
DROP TRIGGER IF EXISTS genomde_audit_no_truncate ON genomde_audit;
CREATE TRIGGER genomde_audit_no_truncate BEFORE TRUNCATE ON genomde_audit
    FOR EACH STATEMENT EXECUTE FUNCTION genomde_audit_append_only();
DROP TRIGGER IF EXISTS genomde_audit_checkpoints_append_only ON genomde_audit_checkpoints;
CREATE TRIGGER genomde_audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON genomde_audit_checkpoints
    FOR EACH ROW EXECUTE FUNCTION genomde_audit_append_only();

-- The role is created when the migrating login may create roles (roles are cluster-wide; a
-- concurrent migration of another database may create it first).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'genomde_app')
       AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole)) THEN
        BEGIN
            CREATE ROLE genomde_app NOLOGIN;
        EXCEPTION WHEN duplicate_object THEN
            NULL;
        END;
    END IF;

    REVOKE ALL ON genomde_audit, genomde_audit_checkpoints FROM PUBLIC;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'genomde_app') THEN
        GRANT INSERT, SELECT ON genomde_audit, genomde_audit_checkpoints TO genomde_app;
    END IF;
END;
$$;
