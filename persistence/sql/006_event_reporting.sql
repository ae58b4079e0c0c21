-- GenomDE schema 006: what a case event means for reporting, beside the event itself.
--
-- The reporting projector reads the log in order and applies this column (the submission rows
-- and the counter change of the write that emitted the event). It is internal: the feed and the
-- webhooks encode only the CloudEvents columns. Null for every event that changes no report.

ALTER TABLE genomde_events ADD COLUMN IF NOT EXISTS reporting jsonb;
