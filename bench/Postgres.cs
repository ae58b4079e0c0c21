using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace GenomDE.Orleans.Bench;

/// <summary>Counters read from PostgreSQL itself: per-table tuple statistics, the grain-state
/// versions (every state write adds exactly 1 to one row's version; an insert starts at 1), the next
/// transaction id and the WAL statistics.</summary>
/// <param name="NextXid">The first transaction id not yet assigned (<c>pg_snapshot_xmax</c> of a
/// fresh snapshot): reading it assigns none, so the bench's own reads do not move it. A transaction
/// gets an id only when it writes (or locks rows), however many rows it writes.</param>
/// <param name="VersionsByType">sum(version) per grain type.</param>
/// <param name="At">The server's clock when read (rows with a later modified_on were written since).</param>
internal sealed record PgSnapshot(Dictionary<string, (long Ins, long Upd, long Del)> Tables, long VersionSum, long Rows, long EventTransactions, long AuditTransactions,
    long NextXid, WalStats Wal, Dictionary<string, long> VersionsByType, DateTime At)
{
    public static async Task<PgSnapshot> Read(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new Dictionary<string, (long, long, long)>(StringComparer.Ordinal);
        await using (var stats = new NpgsqlCommand("SELECT pg_stat_clear_snapshot(); SELECT relname, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables", connection))
        await using (var reader = await stats.ExecuteReaderAsync())
        {
            await reader.NextResultAsync();
            while (await reader.ReadAsync())
            {
                tables[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
            }
        }

        var byType = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var types = new NpgsqlCommand("SELECT grain_type, sum(version)::bigint FROM genomde_grain_state GROUP BY grain_type", connection))
        await using (var reader = await types.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                byType[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        // Each append of the event log is one transaction; its events share the xid. Audit batches
        // likewise: their rows share the inserting transaction (xmin).
        await using var versions = new NpgsqlCommand(
            "SELECT coalesce(sum(version), 0)::bigint, count(*), (SELECT count(DISTINCT xid) FROM genomde_events), " +
            "(SELECT count(DISTINCT xmin::text) FROM genomde_audit), pg_snapshot_xmax(pg_current_snapshot())::text::bigint, " +
            "(SELECT wal_records FROM pg_stat_wal), (SELECT wal_fpi FROM pg_stat_wal), (SELECT wal_bytes::bigint FROM pg_stat_wal), " +
            "(SELECT wal_write FROM pg_stat_wal), (SELECT wal_sync FROM pg_stat_wal), clock_timestamp() FROM genomde_grain_state", connection);
        await using var v = await versions.ExecuteReaderAsync();
        await v.ReadAsync();
        return new PgSnapshot(tables, v.GetInt64(0), v.GetInt64(1), v.GetInt64(2), v.GetInt64(3), v.GetInt64(4),
            new WalStats(v.GetInt64(5), v.GetInt64(6), v.GetInt64(7), v.GetInt64(8), v.GetInt64(9)), byType, v.GetDateTime(10));
    }

    public long Writes(string table) => Tables.TryGetValue(table, out var t) ? t.Ins + t.Upd : 0;

    /// <summary>Per table: inserts+updates (+deletes) between two snapshots, tables that changed only.</summary>
    public IEnumerable<(string Table, long Ins, long Upd, long Del)> Delta(PgSnapshot before) =>
        Tables.Select(p =>
        {
            var b = before.Tables.GetValueOrDefault(p.Key);
            return (p.Key, p.Value.Ins - b.Ins, p.Value.Upd - b.Upd, p.Value.Del - b.Del);
        }).Where(d => d.Item2 + d.Item3 + d.Item4 > 0).OrderBy(d => d.Key, StringComparer.Ordinal);

    /// <summary>How the transaction ids assigned between two snapshots ended: a write transaction's
    /// commit is one durable write, however many rows (grain states, events, audit entries) it
    /// wrote, so this is the figure that stays true when writes are batched.</summary>
    public static async Task<(long Committed, long Aborted, long Other)> TransactionsBetween(string connectionString, PgSnapshot before, PgSnapshot after)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT count(*) FILTER (WHERE s = 'committed'), count(*) FILTER (WHERE s = 'aborted'), count(*) FILTER (WHERE s IS DISTINCT FROM 'committed' AND s IS DISTINCT FROM 'aborted')
              FROM (SELECT pg_xact_status(x::text::xid8) AS s FROM generate_series($1::bigint, $2::bigint - 1) AS x) AS t
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = before.NextXid });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after.NextXid });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>Per grain type: rows, state writes between the snapshots (growth of sum(version)),
    /// writes per lifecycle, and the payload of the rows written since <paramref name="before"/>
    /// (the size a write of that type stores), raw and as stored.</summary>
    public static async Task<List<string>> PayloadsByGrainType(string connectionString, PgSnapshot before, int lifecycles)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT grain_type, count(*), sum(version)::bigint,
                   avg(octet_length(payload)) FILTER (WHERE modified_on >= $1)::bigint,
                   max(octet_length(payload)) FILTER (WHERE modified_on >= $1)::bigint,
                   avg(pg_column_size(payload)) FILTER (WHERE modified_on >= $1)::bigint
              FROM genomde_grain_state GROUP BY grain_type
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = before.At, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        var rows = new List<(string Type, long Rows, long Writes, long? Avg, long? Max, long? Stored)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var type = reader.GetString(0);
                rows.Add((type, reader.GetInt64(1), reader.GetInt64(2) - before.VersionsByType.GetValueOrDefault(type),
                    reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetInt64(4), reader.IsDBNull(5) ? null : reader.GetInt64(5)));
            }
        }

        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"  {"grain type",-24} {"rows",8} {"writes",8} {"per lifecycle",13} {"bytes/write",11} {"max bytes",10} {"stored/write",12}"),
        };
        foreach (var r in rows.OrderByDescending(r => r.Writes).ThenBy(r => r.Type, StringComparer.Ordinal))
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"  {ShortType(r.Type),-24} {r.Rows,8} {r.Writes,8} {(double)r.Writes / Math.Max(1, lifecycles),13:F2} {Bytes(r.Avg),11} {Bytes(r.Max),10} {Bytes(r.Stored),12}"));
        }

        lines.Add("  (writes = growth of sum(version) during the measured lifecycles; bytes/write = average raw JSON payload of the rows written then, as each row is now, i.e. its last write; stored/write = the same after TOAST compression)");
        return lines;
    }

    private static string Bytes(long? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "-";

    /// <summary>The postmaster's PID (first line of postmaster.pid in the data directory), if readable.</summary>
    public static async Task<int?> PostmasterPid(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SHOW data_directory", connection);
            var dir = (string)(await command.ExecuteScalarAsync())!;
            var first = (await File.ReadAllLinesAsync(Path.Combine(dir, "postmaster.pid")))[0];
            return int.Parse(first.Trim(), CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NpgsqlException or PostgresException)
        {
            return null;
        }
    }

    public static async Task<string> Settings(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) FROM pg_settings WHERE name IN ('server_version','fsync','synchronous_commit','wal_sync_method','shared_buffers','max_connections','commit_delay')",
            connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static string ShortType(string grainType)
    {
        var comma = grainType.IndexOf(',', StringComparison.Ordinal);
        var name = comma > 0 ? grainType[..comma] : grainType;
        return name.Length > 24 ? name[^24..] : name;
    }
}

/// <summary>The database's own limit: single-row upserts into a table shaped like the grain-state
/// table (same columns, same unique index, fillfactor 80), one statement per transaction
/// (autocommit), at the benchmark's concurrency, each worker on its own open connection with a
/// prepared statement.</summary>
internal static class UpsertRoof
{
    public const int Keys = 20_000;

    public static async Task<(double PerSecond, long Count, double P50, double P99)> Run(string connectionString, int concurrency, TimeSpan duration, int payloadBytes)
    {
        var tuned = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = Math.Max(100, concurrency + 10) }.ConnectionString;
        await using (var setup = new NpgsqlConnection(tuned))
        {
            await setup.OpenAsync();
            await using var create = new NpgsqlCommand("""
                DROP TABLE IF EXISTS bench_roof;
                CREATE TABLE bench_roof (
                    grain_id_hash integer NOT NULL, grain_type_hash integer NOT NULL,
                    grain_id_n0 bigint NOT NULL, grain_id_n1 bigint NOT NULL,
                    service_id varchar(150) NOT NULL, grain_type text NOT NULL, grain_id_extension text NULL,
                    payload bytea NULL, version integer NOT NULL, modified_on timestamptz NOT NULL DEFAULT now()
                ) WITH (fillfactor = 80);
                CREATE UNIQUE INDEX ux_bench_roof ON bench_roof (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1,
                    service_id, grain_type, grain_id_extension) NULLS NOT DISTINCT;
                """, setup);
            await create.ExecuteNonQueryAsync();
        }

        // A JSON-like payload (state rows are System.Text.Json): compressible like the real ones.
        var latencies = new List<double>[concurrency];
        long count = 0;
        using var stop = new CancellationTokenSource(duration);
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async w =>
        {
            latencies[w] = [];
            var random = new Random(w);
            await using var connection = new NpgsqlConnection(tuned);
            await connection.OpenAsync();
            await using var upsert = new NpgsqlCommand("""
                INSERT INTO bench_roof (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, service_id, grain_type, grain_id_extension, payload, version)
                VALUES ($1, 12345, 0, 0, 'genomde-platform', 'case', $2, $3, 1)
                ON CONFLICT (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, service_id, grain_type, grain_id_extension)
                DO UPDATE SET payload = excluded.payload, version = bench_roof.version + 1, modified_on = now()
                """, connection);
            var pHash = new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer };
            var pKey = new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text };
            var pPayload = new NpgsqlParameter<byte[]> { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bytea };
            upsert.Parameters.Add(pHash);
            upsert.Parameters.Add(pKey);
            upsert.Parameters.Add(pPayload);
            await upsert.PrepareAsync();
            while (!stop.IsCancellationRequested)
            {
                var key = random.Next(Keys);
                pHash.TypedValue = key;
                pKey.TypedValue = string.Create(CultureInfo.InvariantCulture, $"123456789:ROOF-{key:D6}");
                pPayload.TypedValue = Payload(payloadBytes, random);
                var t0 = Stopwatch.GetTimestamp();
                await upsert.ExecuteNonQueryAsync();
                latencies[w].Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                Interlocked.Increment(ref count);
            }
        }));
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return (count / seconds, count, Recorder.Percentile(all, 0.5), Recorder.Percentile(all, 0.99));
    }

    /// <summary>Average payload size as stored (after TOAST compression) in the roof's table.</summary>
    public static async Task<long> StoredBytes(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT coalesce(avg(pg_column_size(payload)), 0)::bigint FROM bench_roof", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static byte[] Payload(int bytes, Random random)
    {
        var text = new StringBuilder(bytes + 64);
        text.Append("{\"Case\":{\"SubmitterId\":\"123456789\",\"History\":[");
        while (text.Length < bytes - 2)
        {
            text.Append(CultureInfo.InvariantCulture, $"{{\"At\":\"2026-01-01T00:00:{random.Next(60):D2}Z\",\"What\":\"event {random.Next():x8}\",\"By\":\"GRZM00123\"}},");
        }

        text.Length = bytes - 2;
        text.Append("]}");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
