-- GenomDE schema 001: the query registry.
--
-- Orleans' ADO.NET providers do not ship SQL of their own for a running system: at start-up each
-- provider reads "SELECT QueryKey, QueryText FROM OrleansQuery" and then only ever executes the
-- texts it finds there, binding its parameters by name (@Name). So the table and column names
-- below are fixed by that contract; everything the texts touch is ours to design.
--
-- Idempotent: safe to run again; later scripts upsert their rows into this table.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64)   NOT NULL,
    QueryText varchar(8000) NOT NULL,
    CONSTRAINT pk_orleans_query PRIMARY KEY (QueryKey)
);
