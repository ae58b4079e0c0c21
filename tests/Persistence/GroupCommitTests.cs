using System.Net;
using System.Text;
using System.Text.Json;
using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.Grains.Common;
using GenomDE.Orleans.Persistence.Storage;
using GenomDE.Orleans.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Storage;
using Orleans.TestingHost;

namespace GenomDE.Orleans.Tests.Persistence;

/// <summary>The grain storage's group commit on a real PostgreSQL: many writes per statement, each
/// still ETag-guarded and acknowledged only after its commit.</summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class GroupCommitTests(PostgresPlatformFixture platform)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Writes_that_wait_for_a_commit_go_together_in_the_next_and_each_keeps_its_own_guard()
    {
        var serviceId = $"gc-{Guid.NewGuid():N}";
        await using var batcher = await Started(serviceId, new GroupCommitOptions { MaxBatchesInFlight = 1 });
        var (blocker, a, b, c) = (Row("blocker"), Row("row-a"), Row("row-b"), Row("row-c"));
        Assert.Equal(1, await batcher.WriteStateAsync(blocker, null, Payload("blocker 1")));
        Assert.Equal(1, await batcher.WriteStateAsync(a, null, Payload("a 1")));
        Assert.Equal(1, await batcher.WriteStateAsync(b, null, Payload("b 1")));

        // Someone holds the blocker's row: its next write waits inside its batch, holding the one slot.
        await using var holder = await LockRow(serviceId, "blocker");
        var blocked = batcher.WriteStateAsync(blocker, 1, Payload("blocker 2"));
        await WaitForLockWait(serviceId);

        var valid = batcher.WriteStateAsync(a, 1, Payload("a 2"));
        var stale = batcher.WriteStateAsync(b, 7, Payload("b from a stale activation"));
        var insert = batcher.WriteStateAsync(c, null, Payload("c 1"));
        var sameRowAgain = batcher.WriteStateAsync(a, 1, Payload("a from a duplicate activation"));
        await Task.Delay(200, Cancel);
        Assert.False(blocked.IsCompleted || valid.IsCompleted || stale.IsCompleted || insert.IsCompleted || sameRowAgain.IsCompleted,
            "a write was answered while the batch before it had not committed");

        await holder.DisposeAsync();
        Assert.Equal(2, await blocked);
        Assert.Equal(2, await valid);
        Assert.Null(await stale);
        Assert.Equal(1, await insert);
        Assert.Null(await sameRowAgain); // never in the same statement as its twin: it met the new version

        // 3 single writes, the blocked one, then a, b, c in one commit, then a's twin alone.
        Assert.Equal((6L, 8L, 0L), batcher.Committed);
        Assert.Equal(new Dictionary<string, (string, int)>
        {
            ["blocker"] = ("blocker 2", 2),
            ["row-a"] = ("a 2", 2),
            ["row-b"] = ("b 1", 1),
            ["row-c"] = ("c 1", 1),
        }, await Stored(serviceId));
    }

    [Fact]
    public async Task A_batch_cut_off_before_its_commit_acknowledges_none_of_its_writes()
    {
        var serviceId = $"gc-{Guid.NewGuid():N}";
        await using var batcher = await Started(serviceId, new GroupCommitOptions { MaxBatchesInFlight = 1 });
        var (blocker, a) = (Row("blocker"), Row("row-a"));
        Assert.Equal(1, await batcher.WriteStateAsync(blocker, null, Payload("blocker 1")));
        Assert.Equal(1, await batcher.WriteStateAsync(a, null, Payload("a 1")));

        await using var holder = await LockRow(serviceId, "blocker");
        var first = batcher.WriteStateAsync(blocker, 1, Payload("blocker 2"));
        await WaitForLockWait(serviceId);
        var second = batcher.WriteStateAsync(a, 1, Payload("a 2"));
        var third = batcher.WriteStateAsync(Row("row-new"), null, Payload("new 1"));

        // The first batch's backend dies before its commit, as when the silo's host or its network
        // goes: its write fails and was not stored. The writes behind it go in the next batch.
        await TerminateLockWaiters(serviceId);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => first);
        await holder.DisposeAsync();
        Assert.Equal(2, await second);
        Assert.Equal(1, await third);

        var stored = await Stored(serviceId);
        Assert.Equal(("blocker 1", 1), stored["blocker"]);
        Assert.Equal(("a 2", 2), stored["row-a"]);

        // The failed writer reloads and writes again on the stored version, as grains do.
        Assert.Equal(2, await batcher.WriteStateAsync(blocker, 1, Payload("blocker 2")));
    }

    [Fact]
    public async Task Appends_share_the_commit_of_the_writes_beside_them_and_a_refused_one_fails_alone()
    {
        var serviceId = $"gc-{Guid.NewGuid():N}";
        var table = $"gc_appends_{Guid.NewGuid():N}";
        await Execute($"CREATE TABLE {table} (id integer PRIMARY KEY)");
        await using var batcher = await Started(serviceId, new GroupCommitOptions { MaxBatchesInFlight = 1 });
        var (blocker, a) = (Row("blocker"), Row("row-a"));
        Assert.Equal(1, await batcher.WriteStateAsync(blocker, null, Payload("blocker 1")));
        Assert.Equal(1, await batcher.WriteStateAsync(a, null, Payload("a 1")));
        var before = batcher.Committed;

        // A write and an append waiting together are one commit.
        await using (var holder = await LockRow(serviceId, "blocker"))
        {
            var blocked = batcher.WriteStateAsync(blocker, 1, Payload("blocker 2"));
            await WaitForLockWait(serviceId);
            var write = batcher.WriteStateAsync(a, 1, Payload("a 2"));
            var append = batcher.AppendAsync(() => Insert(table, 1));
            await holder.DisposeAsync();
            Assert.Equal(2, await blocked);
            Assert.Equal(2, await write);
            await append;
        }

        Assert.Equal((before.Commits + 2, before.StateWrites + 2, before.Appends + 1), batcher.Committed);

        // An append the database refuses (a duplicate key) rolls the shared commit back; the parts are
        // tried alone, so the write and the good append beside it still commit and only it fails.
        await using (var holder = await LockRow(serviceId, "blocker"))
        {
            var blocked = batcher.WriteStateAsync(blocker, 2, Payload("blocker 3"));
            await WaitForLockWait(serviceId);
            var write = batcher.WriteStateAsync(a, 2, Payload("a 3"));
            var refused = batcher.AppendAsync(() => Insert(table, 1));
            var good = batcher.AppendAsync(() => Insert(table, 2));
            await holder.DisposeAsync();
            Assert.Equal(3, await blocked);
            Assert.Equal(3, await write);
            await good;
            var failure = await Assert.ThrowsAsync<PostgresException>(() => refused);
            Assert.Equal(PostgresErrorCodes.UniqueViolation, failure.SqlState);
        }

        Assert.Equal(("a 3", 3), (await Stored(serviceId))["row-a"]);
        Assert.Equal(2L, await Scalar($"SELECT count(*) FROM {table}"));
    }

    private static NpgsqlBatchCommand Insert(string table, int id)
    {
        var command = new NpgsqlBatchCommand($"INSERT INTO {table} (id) VALUES ($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return command;
    }

    private async Task Execute(string sql)
    {
        await using var connection = new NpgsqlConnection(platform.Database.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Cancel);
    }

    private async Task<long> Scalar(string sql)
    {
        await using var connection = new NpgsqlConnection(platform.Database.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(Cancel))!;
    }

    [Fact]
    public async Task Rows_written_in_batches_are_the_rows_orleans_ado_net_provider_reads()
    {
        var silo = Assert.IsType<InProcessSiloHandle>(platform.Cluster.Silos[0]);
        var services = silo.SiloHost!.Services;
        var storage = services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Platform);
        var serviceId = services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
        await using var batcher = await Started(serviceId, new GroupCommitOptions());
        var suffix = Guid.NewGuid().ToString("N");
        GrainId[] ids =
        [
            GrainId.Create("gc-compat", $"123456789:{suffix}"),
            GrainId.Create(GrainType.Create("gc-compat"), GrainIdKeyExtensions.CreateIntegerKey(4711, suffix)),
            GrainId.Create(GrainType.Create("gc-compat"), GrainIdKeyExtensions.CreateIntegerKey(Random.Shared.NextInt64())),
            GrainId.Create(GrainType.Create("gc-compat"), GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid(), suffix)),
            GrainId.Create(GrainType.Create("gc-compat"), GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid())),
        ];

        foreach (var (id, n) in ids.Select((id, n) => (id, n)))
        {
            var written = await batcher.WriteStateAsync(GrainStateIdentity.Of("gc-compat", id), null, JsonSerializer.SerializeToUtf8Bytes(new CompatState { N = n }));
            Assert.Equal(1, written);
            var read = new GrainState<CompatState>();
            await storage.ReadStateAsync("gc-compat", id, read);
            Assert.True(read.RecordExists, $"Orleans' provider did not find the row of {id}");
            Assert.Equal(("1", n), (read.ETag, read.State!.N));
        }
    }

    [Fact]
    public async Task A_silo_killed_during_batched_writes_loses_no_acknowledged_write()
    {
        const int workers = 24;
        var operatorClient = platform.Operator();
        var iks = Enumerable.Range(0, workers).Select(_ => TestIds.Ik()).ToArray();
        var acknowledged = new int[workers];
        var attempted = new int[workers];
        var answers = 0;
        var stop = false;
        var before = BatchersCommitted();

        var writers = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            for (var n = 1; !Volatile.Read(ref stop); n++)
            {
                attempted[w] = n;
                try
                {
                    using var response = await operatorClient.PutAsync($"/api/v1/providers/{iks[w]}", new StringContent(
                        $"{{\"name\":\"Batched LE {n}\",\"indications\":[\"rare\"],\"participationStart\":\"2025-04-01\"}}", Encoding.UTF8, "application/json"), Cancel);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        var view = JsonSerializer.Deserialize<ProviderView>(await response.Content.ReadAsStringAsync(Cancel), Http.Json)!;
                        Assert.Equal($"Batched LE {n}", view.Name);
                        acknowledged[w] = n;
                        Interlocked.Increment(ref answers);
                    }
                }
                catch (HttpRequestException)
                {
                    // The killed silo's calls fail or time out: unknown outcome, the next name follows.
                }
            }
        }, Cancel)).ToList();

        // The kill comes when the writes are flowing (warm, batched), not at a fixed time.
        while (Volatile.Read(ref answers) < workers * 8)
        {
            await Task.Delay(10, Cancel);
        }

        var batchedBeforeKill = BatchersCommitted();
        await platform.Cluster.KillSiloAsync(platform.Cluster.Silos[1]);
        await Task.Delay(TimeSpan.FromSeconds(2), Cancel);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(writers);
        TestContext.Current.TestOutputHelper?.WriteLine($"{answers} answers; writes and commits at start {before}, at the kill {batchedBeforeKill}");

        // The writes were batched: fewer commits than writes while the kill came.
        Assert.True(batchedBeforeKill.Writes - before.Writes > batchedBeforeKill.Batches - before.Batches,
            $"no group formed: {batchedBeforeKill.Writes - before.Writes} writes in {batchedBeforeKill.Batches - before.Batches} commits");

        await platform.Cluster.StartAdditionalSiloAsync();
        await platform.Cluster.WaitForLivenessToStabilizeAsync(true);
        for (var w = 0; w < workers; w++)
        {
            Assert.True(acknowledged[w] > 0, $"worker {w} never got an answer");
            var stored = await (await operatorClient.GetAsync($"/api/v1/providers/{iks[w]}", Cancel)).Read<ProviderView>();
            var n = int.Parse(stored.Name["Batched LE ".Length..], System.Globalization.CultureInfo.InvariantCulture);

            // What was answered is stored; a later name may be stored too if its answer was lost.
            Assert.InRange(n, acknowledged[w], attempted[w]);
        }
    }

    private (long Batches, long Writes) BatchersCommitted() =>
        platform.Cluster.Silos.OfType<InProcessSiloHandle>()
            .Select(s => s.SiloHost!.Services.GetRequiredService<PostgresGroupCommit>().Committed)
            .Aggregate((0L, 0L), (sum, c) => (sum.Item1 + c.Commits, sum.Item2 + c.StateWrites + c.Appends));

    private async Task<PostgresGroupCommit> Started(string serviceId, GroupCommitOptions options)
    {
        var batcher = new PostgresGroupCommit(platform.Database.ConnectionString, serviceId, options);
        await batcher.StartAsync(Cancel);
        return batcher;
    }

    /// <summary>Keys that do not parse as hexadecimal: Orleans reads those as integer keys.</summary>
    private static GrainStateIdentity Row(string key) => GrainStateIdentity.Of("gc-test", GrainId.Create("gc-test", key));

    private static byte[] Payload(string text) => JsonSerializer.SerializeToUtf8Bytes(text);

    private async Task<RowLock> LockRow(string serviceId, string key)
    {
        var connection = new NpgsqlConnection(platform.Database.ConnectionString);
        await connection.OpenAsync(Cancel);
        var transaction = await connection.BeginTransactionAsync(Cancel);
        await using var select = new NpgsqlCommand(
            "SELECT version FROM genomde_grain_state WHERE service_id = @s AND grain_id_extension = @k FOR UPDATE", connection, transaction);
        select.Parameters.AddWithValue("s", serviceId);
        select.Parameters.AddWithValue("k", key);
        Assert.NotNull(await select.ExecuteScalarAsync(Cancel));
        return new RowLock(connection);
    }

    /// <summary>A transaction holding a row lock; disposing it ends the transaction and lets the row go.</summary>
    private sealed class RowLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }

    /// <summary>Until a backend waits for a row lock: the batch is in the database, not yet committed.</summary>
    private async Task WaitForLockWait(string serviceId)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await LockWaiters() > 0)
            {
                return;
            }

            await Task.Delay(25, Cancel);
        }

        Assert.Fail($"no batch of {serviceId} came to wait for the held row");
    }

    private async Task<long> LockWaiters()
    {
        await using var connection = new NpgsqlConnection(platform.Database.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%WITH updated AS%'", connection);
        return (long)(await count.ExecuteScalarAsync(Cancel))!;
    }

    private async Task TerminateLockWaiters(string serviceId)
    {
        await using var connection = new NpgsqlConnection(platform.Database.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var kill = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%WITH updated AS%'", connection);
        Assert.True((long)(await kill.ExecuteScalarAsync(Cancel))! >= 1, $"no waiting batch of {serviceId} to cut off");
    }

    private async Task<Dictionary<string, (string, int)>> Stored(string serviceId)
    {
        await using var connection = new NpgsqlConnection(platform.Database.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var select = new NpgsqlCommand(
            "SELECT grain_id_extension, payload, version FROM genomde_grain_state WHERE service_id = @s", connection);
        select.Parameters.AddWithValue("s", serviceId);
        var rows = new Dictionary<string, (string, int)>();
        await using var reader = await select.ExecuteReaderAsync(Cancel);
        while (await reader.ReadAsync(Cancel))
        {
            rows[reader.GetString(0)] = (JsonSerializer.Deserialize<string>((byte[])reader[1])!, reader.GetInt32(2));
        }

        return rows;
    }

    public sealed class CompatState
    {
        public int N { get; set; }
    }
}
