-- GenomDE schema 004: reminders (Orleans.Reminders.AdoNet), PostgreSQL 15+.
--
-- Contract notes:
--   * parameters: @ServiceId, @GrainId (GrainId.ToString()), @ReminderName, @StartTime,
--     @Period (milliseconds, int or bigint), @GrainHash (uint hash passed as signed int),
--     @BeginHash/@EndHash (ring range, also signed ints), @Version (ETag for delete);
--   * result columns "GrainId", "ReminderName", "StartTime", "Period" (read as Int64),
--     "Version"; Upsert returns "Version"; DeleteRow returns one boolean column.
--
-- Each silo owns a range of the hash ring and loads its reminders by grain hash, hence the
-- (service_id, grain_hash) index. The provider compares the hashes as signed ints, and so do we.

CREATE TABLE IF NOT EXISTS genomde_reminders
(
    service_id    varchar(150) NOT NULL,
    grain_id      text         NOT NULL,
    reminder_name varchar(150) NOT NULL,
    start_time    timestamptz  NOT NULL,
    period_ms     bigint       NOT NULL,   -- milliseconds: bigint so periods > 24 days fit
    grain_hash    integer      NOT NULL,
    version       integer      NOT NULL,
    CONSTRAINT pk_genomde_reminders PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS ix_genomde_reminders_grain_hash
    ON genomde_reminders (service_id, grain_hash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Re-registering a reminder replaces its schedule and moves its ETag.
('UpsertReminderRowKey', $q$
INSERT INTO genomde_reminders AS r (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
   SET start_time = EXCLUDED.start_time, period_ms = EXCLUDED.period_ms,
       grain_hash = EXCLUDED.grain_hash, version = r.version + 1
RETURNING r.version AS "Version"
$q$),

('ReadReminderRowsKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
  FROM genomde_reminders
 WHERE service_id = @ServiceId AND grain_id = @GrainId
$q$),

('ReadReminderRowKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
  FROM genomde_reminders
 WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
$q$),

-- Range (Begin, End] that does not wrap around the ring.
('ReadRangeRows1Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
  FROM genomde_reminders
 WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
$q$),

-- Range that wraps: everything after Begin plus everything up to End.
('ReadRangeRows2Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
  FROM genomde_reminders
 WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
$q$),

-- Only the holder of the current ETag may delete; reports whether it did.
('DeleteReminderRowKey', $q$
WITH removed AS (
    DELETE FROM genomde_reminders
     WHERE service_id = @ServiceId AND grain_id = @GrainId
       AND reminder_name = @ReminderName AND version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM removed)
$q$),

('DeleteReminderRowsKey', $q$
DELETE FROM genomde_reminders WHERE service_id = @ServiceId
$q$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
