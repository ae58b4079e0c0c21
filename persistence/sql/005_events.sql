-- GenomDE schema 005: the platform's event log (our own table, read by PostgresEventLog).
--
-- Ordering: a row's position is (xid, seq): xid is the inserting transaction's 64-bit ID
-- (pg_current_xact_id(), never wraps), seq a per-row sequence. Sequence values are handed out
-- before commit, so ordering by seq alone would let a reader pass a row that commits later with a
-- smaller value and never see it. Readers therefore only return rows whose xid is below
-- pg_snapshot_xmin(pg_current_snapshot()): every transaction below that horizon has finished, so no
-- row can still appear behind a position a reader has passed.
--
-- Idempotency: producers append at least once; the unique event ID makes a repeat a no-op
-- (INSERT … ON CONFLICT (event_id) DO NOTHING).

CREATE TABLE IF NOT EXISTS genomde_events
(
    xid          xid8        NOT NULL DEFAULT pg_current_xact_id(),
    seq          bigint      GENERATED ALWAYS AS IDENTITY,
    event_id     text        NOT NULL,
    type         text        NOT NULL,
    source       text        NOT NULL,
    subject      text        NOT NULL,
    time         timestamptz NOT NULL,
    data         jsonb       NOT NULL,
    audience     text[]      NOT NULL,   -- provider:{IK}, node:{nodeId}, payer:{IK}
    ordering_key text        NOT NULL,
    appended_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_genomde_events PRIMARY KEY (xid, seq)
);

CREATE UNIQUE INDEX IF NOT EXISTS ux_genomde_events_event_id ON genomde_events (event_id);

-- "Events for provider:123456789": audience @> ARRAY['provider:123456789'].
CREATE INDEX IF NOT EXISTS ix_genomde_events_audience ON genomde_events USING gin (audience);

-- Retention deletes by age.
CREATE INDEX IF NOT EXISTS ix_genomde_events_appended_at ON genomde_events (appended_at);
