using System.Net;
using GenomDE.Orleans.GrainInterfaces.Nodes;
using GenomDE.Orleans.GrainInterfaces.Participants;
using GenomDE.Orleans.Grains.Common;
using GenomDE.Orleans.Grains.Nodes;
using GenomDE.Orleans.Grains.Seed;
using GenomDE.Orleans.Persistence;
using GenomDE.Orleans.Tests.Api;
using GenomDE.Orleans.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;
using Orleans.TestingHost;

namespace GenomDE.Orleans.Tests.Persistence;

/// <summary>Durability and failure behaviour on a real PostgreSQL with ADO.NET membership.</summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class PostgresReliabilityTests(PostgresPlatformFixture platform)
{
    private static readonly string[] Lifecycle = ["apply", "review", "approve", "suspend", "reinstate"];

    [Fact]
    public async Task The_schema_migration_is_idempotent_and_provides_every_query_key()
    {
        Assert.Empty(await SchemaMigrator.MigrateAsync(platform.Database.ConnectionString));

        await using var connection = new NpgsqlConnection(platform.Database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM OrleansQuery", connection);
        Assert.Equal(20L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Nodes_providers_and_payers_come_back_with_full_history_after_a_whole_cluster_restart()
    {
        var nodes = new NodeApiClient(platform.Operator());
        var node = await nodes.NodeIn(NodeStatus.Suspended);
        var ik = TestIds.Ik();
        var provider = await (await platform.Operator().PutAsync($"/api/v1/providers/{ik}",
            new StringContent("{\"name\":\"Durable LE\",\"indications\":[\"rare\"],\"participationStart\":\"2025-04-01\"}", System.Text.Encoding.UTF8, "application/json")))
            .Read<ProviderView>();

        await platform.RestartEverythingAsync();

        var after = new NodeApiClient(platform.Operator());
        Assert.Equal(node, await after.Get(node.ApplicationId));
        Assert.Equal(node, await after.Get(node.NodeId!));
        Assert.Equal(provider, await (await platform.Operator().GetAsync($"/api/v1/providers/{ik}")).Read<ProviderView>());
        var all = await (await platform.Operator().GetAsync("/api/v1/nodes")).Read<List<NodeView>>();
        Assert.All(SeedData.Nodes, seed => Assert.Single(all, n => n.NodeId == seed.NodeId));

        // The node keeps working where it stopped.
        await (await after.Command(node.ApplicationId, "reinstate", "after restart")).Read<NodeView>();
    }

    [Fact]
    public async Task A_silo_crash_in_the_middle_of_200_lifecycles_loses_no_transition_and_duplicates_none()
    {
        const int count = 200;
        var http = platform.Operator();
        var runs = Enumerable.Range(0, count).Select(_ => new LifecycleRun(TestIds.Key(), TestIds.NodeId("GRZ"))).ToList();
        var progress = 0;
        var crashed = new TaskCompletionSource();

        var crash = Task.Run(async () =>
        {
            while (Volatile.Read(ref progress) < count * Lifecycle.Length / 3)
            {
                await Task.Delay(10);
            }

            await platform.Cluster.KillSiloAsync(platform.Cluster.SecondarySilos[0]);
            crashed.SetResult();
        });

        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(runs.Select(async run =>
        {
            await gate.WaitAsync();
            try
            {
                foreach (var step in Lifecycle)
                {
                    await run.Step(http, step);
                    Interlocked.Increment(ref progress);
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        await crash;
        Assert.True(crashed.Task.IsCompleted);

        var nodes = new NodeApiClient(http);
        foreach (var run in runs)
        {
            var node = await nodes.Get(run.NodeId);
            Assert.Equal(
                [NodeStatus.Applied, NodeStatus.UnderReview, NodeStatus.Approved, NodeStatus.Suspended, NodeStatus.Approved],
                node.History.Select(h => h.To));
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{runs.Sum(r => r.Retries)} retried requests across the crash");
        await platform.Cluster.StartAdditionalSiloAsync();
        await platform.Cluster.WaitForLivenessToStabilizeAsync(true);
    }

    [Fact]
    public async Task Two_concurrent_first_writes_of_one_grain_leave_exactly_one_row()
    {
        var storage = Storage();
        for (var round = 0; round < 20; round++)
        {
            var key = $"race-{Guid.NewGuid():N}";
            var grainId = GrainId.Create("node", key);
            var writes = Enumerable.Range(0, 2).Select(i => Task.Run(() =>
                storage.WriteStateAsync("node", grainId, new GrainState<NodeState> { State = new NodeState() }))).ToArray();

            var outcomes = await Task.WhenAll(writes.Select(async w =>
            {
                try
                {
                    await w;
                    return "written";
                }
                catch (InconsistentStateException)
                {
                    return "conflict";
                }
            }));

            Assert.Equal(["conflict", "written"], outcomes.Order());
            Assert.Equal(1L, await RowsFor(key));
        }
    }

    [Fact]
    public async Task A_stale_write_is_detected_and_the_grain_decides_again_on_the_stored_state()
    {
        var nodes = new NodeApiClient(platform.Operator());
        var node = await nodes.NodeIn(NodeStatus.Approved);
        var grainId = GrainId.Create("node", node.ApplicationId);
        var storage = Storage();

        // Someone else (a transient duplicate activation) suspends the node behind the active grain's back.
        var stored = new GrainState<NodeState>();
        await storage.ReadStateAsync("node", grainId, stored);
        var outOfBand = new NodeTransition(NodeStatus.Approved, NodeStatus.Suspended, "out of band", DateTimeOffset.UtcNow, "other-activation");
        var before = stored.State!.Node!;
        stored.State.Node = before with { Status = NodeStatus.Suspended, History = [.. before.History, outOfBand] };
        await storage.WriteStateAsync("node", grainId, stored);

        // The active grain still believes "approved": its write fails on the ETag, it re-reads and
        // now judges "suspend" against the truth.
        await (await nodes.Command(node.ApplicationId, "suspend", "in band")).AssertProblem(HttpStatusCode.Conflict, "illegal_transition");

        var now = await nodes.Get(node.ApplicationId);
        Assert.Equal(stored.State.Node, now);
        await (await nodes.Command(node.ApplicationId, "reinstate", "after conflict")).Read<NodeView>();
    }

    private IGrainStorage Storage() =>
        ((InProcessSiloHandle)platform.Cluster.Silos[0]).ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Platform);

    private async Task<long> RowsFor(string key)
    {
        await using var connection = new NpgsqlConnection(platform.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM genomde_grain_state WHERE grain_id_extension = @key", connection);
        command.Parameters.AddWithValue("key", key);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>One node's lifecycle as a careful client runs it: every step has its own
    /// Idempotency-Key and is retried with that key until it gets a definite answer.</summary>
    private sealed class LifecycleRun(string key, string nodeId)
    {
        private string? _applicationId;

        public string NodeId => nodeId;

        public int Retries { get; private set; }

        public async Task Step(HttpClient http, string step)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
            while (true)
            {
                HttpResponseMessage? response = null;
                try
                {
                    response = step switch
                    {
                        "apply" => await http.PostJson("/api/v1/nodes", new { kind = "gdc", name = "Crash test GDC", site = "Teststadt" }, $"{key}-{step}"),
                        "approve" => await http.PostJson($"/api/v1/nodes/{_applicationId}/approve", new { nodeId, reason = step }, $"{key}-{step}"),
                        _ => await http.PostJson($"/api/v1/nodes/{_applicationId}/{step}", new { reason = step }, $"{key}-{step}"),
                    };
                }
                catch (HttpRequestException) when (DateTime.UtcNow < deadline)
                {
                }
                catch (TaskCanceledException) when (DateTime.UtcNow < deadline)
                {
                }

                if (response is { IsSuccessStatusCode: true })
                {
                    _applicationId ??= (await response.Read<NodeView>(response.StatusCode)).ApplicationId;
                    return;
                }

                if (response is not null && (int)response.StatusCode < 500)
                {
                    Assert.Fail($"{step} of {nodeId} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                Assert.True(DateTime.UtcNow < deadline, $"{step} of {nodeId} did not succeed within the deadline");
                Retries++;
                await Task.Delay(200);
            }
        }
    }
}
