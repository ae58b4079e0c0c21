-- Least privilege for the stand-alone API process: it is an Orleans client that only needs the
-- gateway list (the query text and the membership rows). Role genomde_api may read exactly that;
-- a production login for the API should be a member of it and nothing else (see
-- docs/security.md, "Deployment"). Created when the migrating login may create roles.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'genomde_api')
       AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole)) THEN
        BEGIN
            CREATE ROLE genomde_api NOLOGIN;
        EXCEPTION WHEN duplicate_object THEN
            NULL;
        END;
    END IF;

    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'genomde_api') THEN
        GRANT SELECT ON OrleansQuery, genomde_membership, genomde_membership_version TO genomde_api;
    END IF;
END;
$$;
