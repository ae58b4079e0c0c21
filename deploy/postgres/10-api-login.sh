#!/usr/bin/env bash
# Runs once, when the postgres container initialises an empty data directory: the API's own login,
# a member of genomde_api (schema 009 grants that role read access to the gateway list and nothing
# else). Its password comes from GENOMDE_API_DB_PASSWORD, never from a file in the repository.
set -euo pipefail
: "${GENOMDE_API_DB_PASSWORD:?set GENOMDE_API_DB_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -v password="$GENOMDE_API_DB_PASSWORD" <<'SQL'
SELECT 'CREATE ROLE genomde_api NOLOGIN' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'genomde_api') \gexec
CREATE ROLE genomde_api_login LOGIN PASSWORD :'password' IN ROLE genomde_api;
SQL
