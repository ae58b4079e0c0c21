using System.Net;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Nodes;
using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.Domain.Tokens;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.Grains.Common;
using GenomDE.Orleans.Grains.Nodes;
using GenomDE.Orleans.Grains.Seed;
using GenomDE.Orleans.Persistence;
using GenomDE.Orleans.Tests.Api;
using GenomDE.Orleans.Tests.Cases;
using GenomDE.Orleans.Tests.Fixtures;
using GenomDE.Orleans.Tests.Submissions;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;
using Orleans.TestingHost;

namespace GenomDE.Orleans.Tests.Persistence;

/// <summary>Durability and failure behaviour on a real PostgreSQL with ADO.NET membership.</summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class PostgresReliabilityTests(PostgresPlatformFixture platform)
{
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

        var scenario = await CaseScenario.Start(platform);
        var metadata = scenario.Metadata(MetadataDocument.WgsTumorGermline);
        await (await scenario.SubmitGenomic(metadata)).Read<SubmissionAnswer>(HttpStatusCode.Created);
        var caseBefore = await scenario.GdcProcesses(metadata["submission"]!["tanG"]!.GetValue<string>());
        var tokensBefore = await (await scenario.Hospital.GetAsync(Http.RecentTokensPath)).Read<List<TokenView>>();

        await platform.RestartEverythingAsync();

        var hospital = platform.Client(GenomDE.Orleans.Domain.Common.ParticipantRole.Provider, CaseScenario.Provider);
        Assert.Equal(caseBefore, await (await hospital.GetAsync($"/api/v1/cases/{scenario.LocalCaseId}")).Read<CaseView>());
        Assert.Equal(tokensBefore, await (await hospital.GetAsync(Http.RecentTokensPath)).Read<List<TokenView>>());

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
    public async Task A_silo_crash_in_the_middle_of_200_cases_loses_no_transition_and_duplicates_no_token()
    {
        const int count = 200;
        var ik = TestIds.Ik();
        await (await platform.Operator().PutAsync($"/api/v1/providers/{ik}", new StringContent(
            "{\"name\":\"Crash test LE\",\"indications\":[\"oncological\"],\"participationStart\":\"2024-01-01\"}", System.Text.Encoding.UTF8, "application/json"))).Read<ProviderView>();
        var runs = new List<CaseRun>();
        for (var i = 0; i < count; i++)
        {
            runs.Add(new CaseRun(await CaseScenario.Start(platform, ik)));
        }

        var progress = 0;
        var crash = Task.Run(async () =>
        {
            while (Volatile.Read(ref progress) < count * CaseRun.Steps.Length / 3)
            {
                await Task.Delay(10);
            }

            await platform.Cluster.KillSiloAsync(platform.Cluster.Silos[1]);
        });

        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(runs.Select(async run =>
        {
            await gate.WaitAsync();
            try
            {
                foreach (var step in CaseRun.Steps)
                {
                    await run.Step(step);
                    Interlocked.Increment(ref progress);
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        await crash;

        var hospital = runs[0].Scenario.Hospital;
        foreach (var run in runs)
        {
            var view = await run.Scenario.Case();
            var submission = Assert.Single(view.Submissions);
            Assert.Equal(SubmissionStatus.Reported, submission.Status);
            // A report delayed by the crash beyond the deadline is rightly marked overdue; that event aside, the history is exact.
            Assert.Equal(["registered", "genomic initial submission to GRZM00123", "data received by GRZM00123", "basic QC passed", "genomic check report accepted (QC passed)"],
                view.History.Where(h => !h.What.StartsWith("check report overdue", StringComparison.Ordinal)).Select(h => h.What.Replace("; picked for detailed QC", "", StringComparison.Ordinal)));
            Assert.NotNull(submission.Confirmation?.Code);
        }

        // One token per report, counters 1…200 without gaps or duplicates.
        var tokens = await (await hospital.GetAsync(Http.RecentTokensPath)).Read<List<TokenView>>();
        Assert.Equal(count, tokens.Count);
        Assert.Equal(Enumerable.Range(1, count), tokens.Select(t => t.Record.Token.Counter).Order());
        TestContext.Current.TestOutputHelper?.WriteLine($"{runs.Sum(r => r.Retries)} retried requests across the crash");

        await platform.Cluster.StartAdditionalSiloAsync();
        await platform.Cluster.WaitForLivenessToStabilizeAsync(true);
    }

    [Fact]
    public async Task The_overdue_report_reminder_fires_after_a_whole_cluster_restart()
    {
        var scenario = await CaseScenario.Start(platform);
        var metadata = scenario.Metadata(MetadataDocument.Panel);
        var tan = metadata["submission"]!["tanG"]!.GetValue<string>();
        await (await scenario.SubmitGenomic(metadata)).Read<SubmissionAnswer>(HttpStatusCode.Created);
        await (await scenario.GenomeCentre.PostRaw($"/api/v1/inbox/{tan}/basic-qc", "{\"passed\":true}")).Read<SubmissionView>();
        var qcAt = DateTimeOffset.UtcNow;

        // The GDC never sends its Prüfbericht; the whole cluster crashes before the deadline, so
        // only the new cluster can fire the reminder.
        Assert.True(DateTimeOffset.UtcNow - qcAt < PostgresPlatformFixture.ReportDueAfter, "the crash came after the deadline; the test would not show a reminder surviving it");
        await platform.RestartEverythingAsync(crash: true);

        var hospital = platform.Client(GenomDE.Orleans.Domain.Common.ParticipantRole.Provider, CaseScenario.Provider);
        CaseView view;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        do
        {
            await Task.Delay(1000);
            view = await (await hospital.GetAsync($"/api/v1/cases/{scenario.LocalCaseId}")).Read<CaseView>();
        }
        while (!view.History.Any(h => h.What.StartsWith("check report overdue", StringComparison.Ordinal)) && DateTime.UtcNow < deadline);

        var overdue = Assert.Single(view.History, h => h.What.StartsWith("check report overdue", StringComparison.Ordinal));
        Assert.Equal(("check report overdue from GRZM00123", tan), (overdue.What, overdue.Tan));
        var qc = view.History.Last(h => h.Tan == tan && h.What.StartsWith("basic QC", StringComparison.Ordinal));
        Assert.True(overdue.At - qc.At >= PostgresPlatformFixture.ReportDueAfter);
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

    /// <summary>One case's genomic path as careful clients run it: every step has its own
    /// Idempotency-Key and is retried with that key until it gets a definite answer.</summary>
    private sealed class CaseRun(CaseScenario scenario)
    {
        public static readonly string[] Steps = ["submit", "receipt", "basic-qc", "report"];

        private readonly string _key = TestIds.Key();
        private readonly System.Text.Json.Nodes.JsonNode _metadata = scenario.Metadata(MetadataDocument.Panel);

        public CaseScenario Scenario => scenario;

        public int Retries { get; private set; }

        private string Tan => _metadata["submission"]!["tanG"]!.GetValue<string>();

        public async Task Step(string step)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
            while (true)
            {
                HttpResponseMessage? response = null;
                try
                {
                    response = step switch
                    {
                        "submit" => await scenario.SubmitGenomic(_metadata, $"{_key}-{step}"),
                        "receipt" => await scenario.GenomeCentre.PostJsonText($"/api/v1/inbox/{Tan}/receipt", "{}", $"{_key}-{step}"),
                        "basic-qc" => await scenario.GenomeCentre.PostJsonText($"/api/v1/inbox/{Tan}/basic-qc", "{\"passed\":true}", $"{_key}-{step}"),
                        _ => await scenario.GenomeCentre.PostJsonText("/api/v1/reports", scenario.Report(Submitted(), true).ToJsonString(), $"{_key}-{step}"),
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
                    if (step == "submit")
                    {
                        _submitted = (await response.Read<SubmissionAnswer>(response.StatusCode)).Case.Submissions.Single();
                    }

                    return;
                }

                if (response is not null && (int)response.StatusCode < 500)
                {
                    Assert.Fail($"{step} of {Tan} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                Assert.True(DateTime.UtcNow < deadline, $"{step} of {Tan} did not succeed within the deadline");
                Retries++;
                await Task.Delay(200);
            }
        }

        private SubmissionView? _submitted;

        private SubmissionView Submitted() => _submitted!;
    }
}
