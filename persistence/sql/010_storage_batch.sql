-- GenomDE schema 010: group commit for grain state writes (our write path, not Orleans' provider).
--
-- One statement writes a whole batch of grain states in one transaction: one round trip and one
-- commit (one WAL flush) for every write that arrived while the previous batch was in flight. Each
-- row keeps the single write's guard (003): with an ETag the row is updated only while its version
-- still equals it; without one it is inserted only if no row exists. The statement returns a row
-- per write that took effect, (ordinal, new version); a write without a row back was stale and its
-- caller gets InconsistentStateException, exactly as from WriteToStorageKey. The writer never puts
-- two writes of the same grain into one batch (the answer of the insert branch is matched back by
-- identity).
--
-- Parameters: arrays of equal length, one element per write (@Ordinals int[], @GrainIdHashes int[],
-- @GrainTypeHashes int[], @GrainIdN0s bigint[], @GrainIdN1s bigint[], @GrainTypes text[],
-- @GrainIdExtensions text[] (NULL elements allowed), @Versions int[] (NULL = no row expected),
-- @Payloads bytea[]), and @ServiceId.

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

('WriteBatchToStorageKey', $q$
WITH batch AS (
    SELECT *
      FROM unnest(@Ordinals::integer[], @GrainIdHashes::integer[], @GrainTypeHashes::integer[],
                  @GrainIdN0s::bigint[], @GrainIdN1s::bigint[], @GrainTypes::text[],
                  @GrainIdExtensions::text[], @Versions::integer[], @Payloads::bytea[])
           AS b(ordinal, grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, grain_type,
                grain_id_extension, version, payload)
), updated AS (
    UPDATE genomde_grain_state AS s
       SET payload = b.payload, version = s.version + 1, modified_on = now()
      FROM batch AS b
     WHERE b.version IS NOT NULL
       AND s.grain_id_hash = b.grain_id_hash AND s.grain_type_hash = b.grain_type_hash
       AND s.grain_id_n0 = b.grain_id_n0 AND s.grain_id_n1 = b.grain_id_n1
       AND s.service_id = @ServiceId AND s.grain_type = b.grain_type
       AND s.grain_id_extension IS NOT DISTINCT FROM b.grain_id_extension
       AND s.version = b.version
    RETURNING b.ordinal, s.version
), inserted AS (
    INSERT INTO genomde_grain_state (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1,
                                     service_id, grain_type, grain_id_extension, payload, version)
    SELECT b.grain_id_hash, b.grain_type_hash, b.grain_id_n0, b.grain_id_n1,
           @ServiceId, b.grain_type, b.grain_id_extension, b.payload, 1
      FROM batch AS b
     WHERE b.version IS NULL
    ON CONFLICT DO NOTHING
    RETURNING grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, grain_type, grain_id_extension
)
SELECT ordinal, version FROM updated
UNION ALL
SELECT b.ordinal, 1
  FROM inserted AS i
  JOIN batch AS b
    ON b.version IS NULL
   AND b.grain_id_hash = i.grain_id_hash AND b.grain_type_hash = i.grain_type_hash
   AND b.grain_id_n0 = i.grain_id_n0 AND b.grain_id_n1 = i.grain_id_n1
   AND b.grain_type = i.grain_type
   AND b.grain_id_extension IS NOT DISTINCT FROM i.grain_id_extension
$q$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
