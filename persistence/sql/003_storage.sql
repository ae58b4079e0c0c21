-- GenomDE schema 003: grain state (Orleans.Persistence.AdoNet), PostgreSQL 15+.
--
-- Contract notes:
--   * parameters: @GrainIdHash, @GrainTypeHash (int hashes computed by the provider),
--     @GrainIdN0, @GrainIdN1 (bigint halves of a Guid/long key), @GrainTypeString,
--     @GrainIdExtensionString (string key or key extension, may be NULL), @ServiceId,
--     @GrainStateVersion (the ETag the grain holds; NULL = "I believe no row exists"),
--     @PayloadBinary (serialized state);
--   * Read returns "PayloadBinary" and "Version"; Write returns "NewGrainStateVersion";
--     Clear/Delete return the new version as their only column.
--   * The provider raises InconsistentStateException when a write/clear returns no row (or the
--     same version it sent), so every stale operation below simply matches nothing.
--
-- ETag = integer version: 1 on first insert, +1 on each write or clear.

CREATE TABLE IF NOT EXISTS genomde_grain_state
(
    grain_id_hash      integer     NOT NULL,
    grain_type_hash    integer     NOT NULL,
    grain_id_n0        bigint      NOT NULL,
    grain_id_n1        bigint      NOT NULL,
    service_id         varchar(150) NOT NULL,
    grain_type         text        NOT NULL,
    grain_id_extension text        NULL,
    payload            bytea       NULL,     -- NULL after ClearStateAsync: row kept so the version keeps counting
    version            integer     NOT NULL,
    modified_on        timestamptz NOT NULL DEFAULT now()
)
-- Free space per page lets a state write be a HOT update (no index column changes).
WITH (fillfactor = 80);

-- The identity of a grain's state row. NULLS NOT DISTINCT makes two rows with a NULL
-- extension collide, so two concurrent first writes of one grain cannot both insert (which
-- would make every later read fail with "Sequence contains more than one element").
-- The selective hash/key columns lead so the write/read lookups are index scans.
-- Limit: btree entries must stay below ~2.7 kB, so very long string grain keys are rejected.
CREATE UNIQUE INDEX IF NOT EXISTS ux_genomde_grain_state_identity
    ON genomde_grain_state (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1,
                            service_id, grain_type, grain_id_extension)
    NULLS NOT DISTINCT;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

('ReadFromStorageKey', $q$
SELECT payload AS "PayloadBinary", version AS "Version"
  FROM genomde_grain_state
 WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
   AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
   AND service_id = @ServiceId AND grain_type = @GrainTypeString
   AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
$q$),

-- One statement, one round trip. Exactly one branch can produce a row:
--   ETag given  -> update only if the stored version still equals it;
--   ETag NULL   -> insert version 1 unless a row exists (ON CONFLICT against the unique index,
--                  which also makes the loser of a concurrent first write get no row).
-- No row back = stale ETag = InconsistentStateException in the provider.
('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE genomde_grain_state AS s
       SET payload = @PayloadBinary, version = s.version + 1, modified_on = now()
     WHERE @GrainStateVersion IS NOT NULL
       AND s.grain_id_hash = @GrainIdHash AND s.grain_type_hash = @GrainTypeHash
       AND s.grain_id_n0 = @GrainIdN0 AND s.grain_id_n1 = @GrainIdN1
       AND s.service_id = @ServiceId AND s.grain_type = @GrainTypeString
       AND s.grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
       AND s.version = @GrainStateVersion
    RETURNING s.version
), inserted AS (
    INSERT INTO genomde_grain_state (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1,
                                     service_id, grain_type, grain_id_extension, payload, version)
    SELECT @GrainIdHash, @GrainTypeHash, @GrainIdN0, @GrainIdN1,
           @ServiceId, @GrainTypeString, @GrainIdExtensionString, @PayloadBinary, 1
     WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
)
SELECT version AS "NewGrainStateVersion" FROM updated
UNION ALL
SELECT version FROM inserted
$q$),

-- Keeps the row (payload NULL) so the version stays monotonic across clear/re-create.
('ClearStorageKey', $q$
UPDATE genomde_grain_state
   SET payload = NULL, version = version + 1, modified_on = now()
 WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
   AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
   AND service_id = @ServiceId AND grain_type = @GrainTypeString
   AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
   AND version = @GrainStateVersion
RETURNING version AS "NewGrainStateVersion"
$q$),

-- Used when DeleteStateOnClear = true. Returns old version + 1 only so the provider's
-- "did the version move?" check passes; it then sets the ETag to NULL itself.
('DeleteStorageKey', $q$
DELETE FROM genomde_grain_state
 WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
   AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
   AND service_id = @ServiceId AND grain_type = @GrainTypeString
   AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
   AND version = @GrainStateVersion
RETURNING version + 1 AS "NewGrainStateVersion"
$q$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
