using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace GenomDE.Orleans.Bench;

/// <summary>Counters read from PostgreSQL itself: per-table tuple statistics and the grain-state
/// versions (every state write adds exactly 1 to one row's version; an insert starts at 1).</summary>
internal sealed record PgSnapshot(Dictionary<string, (long Ins, long Upd, long Del)> Tables, long VersionSum, long Rows, long EventTransactions, long AuditTransactions)
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

        // Each append of the event log is one transaction; its events share the xid. Audit batches
        // likewise: their rows share the inserting transaction (xmin).
        await using var versions = new NpgsqlCommand(
            "SELECT coalesce(sum(version), 0)::bigint, count(*), (SELECT count(DISTINCT xid) FROM genomde_events), " +
            "(SELECT count(DISTINCT xmin::text) FROM genomde_audit) FROM genomde_grain_state", connection);
        await using var v = await versions.ExecuteReaderAsync();
        await v.ReadAsync();
        return new PgSnapshot(tables, v.GetInt64(0), v.GetInt64(1), v.GetInt64(2), v.GetInt64(3));
    }

    public long Writes(string table) => Tables.TryGetValue(table, out var t) ? t.Ins + t.Upd : 0;

    /// <summary>Per table: inserts+updates (+deletes) between two snapshots, tables that changed only.</summary>
    public IEnumerable<(string Table, long Ins, long Upd, long Del)> Delta(PgSnapshot before) =>
        Tables.Select(p =>
        {
            var b = before.Tables.GetValueOrDefault(p.Key);
            return (p.Key, p.Value.Ins - b.Ins, p.Value.Upd - b.Upd, p.Value.Del - b.Del);
        }).Where(d => d.Item2 + d.Item3 + d.Item4 > 0).OrderBy(d => d.Key, StringComparer.Ordinal);

    /// <summary>Rows, versions and payload size per grain type.</summary>
    public static async Task<List<string>> PayloadsByGrainType(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT grain_type, count(*), sum(version)::bigint, avg(octet_length(payload))::bigint, max(octet_length(payload))::bigint,
                   avg(pg_column_size(payload))::bigint
              FROM genomde_grain_state GROUP BY grain_type ORDER BY sum(version) DESC
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"  {"grain type",-24} {"rows",8} {"writes",8} {"avg bytes",10} {"max bytes",10} {"avg stored",10}"),
        };
        while (await reader.ReadAsync())
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"  {ShortType(reader.GetString(0)),-24} {reader.GetInt64(1),8} {reader.GetInt64(2),8} {(reader.IsDBNull(3) ? 0 : reader.GetInt64(3)),10} {(reader.IsDBNull(4) ? 0 : reader.GetInt64(4)),10} {(reader.IsDBNull(5) ? 0 : reader.GetInt64(5)),10}"));
        }

        return lines;
    }

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
