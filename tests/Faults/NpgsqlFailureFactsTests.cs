using System.Net;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.GrainInterfaces.Common;
using GenomDE.Orleans.GrainInterfaces.Participants;
using GenomDE.Orleans.Tests.Faults.Lifecycles;
using GenomDE.Orleans.Tests.Fixtures;
using Npgsql;

namespace GenomDE.Orleans.Tests.Faults;

/// <summary>Fact-finding for the API's 503 mapping: what a caller of a grain (the Orleans client,
/// and the REST API on top of it) really receives when Npgsql fails inside Orleans' ADO.NET
/// providers. Real Npgsql errors, no injection: the table a provider needs is renamed away for the
/// moment of the call (PostgreSQL answers 42P01 "relation does not exist").</summary>
[Collection(FaultsCollectionDefinition.Name)]
[Trait("Category", "Faults")]
public sealed class NpgsqlFailureFactsTests(FaultsPlatformFixture platform)
{
    private const string Registration = """{"name":"Facts LE","indications":["oncological"],"participationStart":"2024-01-01"}""";

    [Fact]
    public async Task A_failing_state_write_reaches_the_caller_as_storage_unavailable()
    {
        var ik = TestIds.Ik();
        var http = platform.Operator();
        Assert.Equal(HttpStatusCode.OK, (await http.PutAsync($"/api/v1/providers/{ik}", Body(Registration))).StatusCode); // active now

        await using (await TableAway("genomde_grain_state"))
        {
            var fromClient = await Caught(() => platform.Grains.GetGrain<IProviderGrain>(ik).Register(
                new CommandContext(new Caller(ParticipantRole.Operator, "BfArM"), TestIds.Key()),
                new ProviderRegistration("Facts LE renamed", [Indication.Oncological], new DateOnly(2024, 1, 1))));
            var response = await http.PutAsync($"/api/v1/providers/{ik}", Body(Registration.Replace("Facts LE", "Facts LE again", StringComparison.Ordinal)));
            await Report("state write", fromClient, response);
            AssertReachesCallerAsStorageUnavailable(fromClient);
            Assert.IsType<StorageUnavailableException>(fromClient);
            await response.AssertProblem(HttpStatusCode.ServiceUnavailable, "storage_unavailable");
        }
    }

    [Fact]
    public async Task A_failing_state_read_at_activation_reaches_the_caller_as_the_npgsql_exception_and_the_api_answers_503()
    {
        await using (await TableAway("genomde_grain_state"))
        {
            var fromClient = await Caught(() => platform.Grains.GetGrain<IProviderGrain>(TestIds.Ik()).Get());
            var response = await platform.Operator().GetAsync($"/api/v1/providers/{TestIds.Ik()}");
            await Report("state read at activation", fromClient, response);

            // No grain code runs (the activation never completes), so the grains' filter cannot convert it:
            // Orleans' state bridge wraps it in OrleansException, the Npgsql exception inside.
            Assert.IsType<OrleansException>(fromClient);
            Assert.IsAssignableFrom<System.Data.Common.DbException>(fromClient.InnerException);
            await response.AssertProblem(HttpStatusCode.ServiceUnavailable, "storage_unavailable");
        }
    }

    [Fact]
    public async Task A_failing_reminder_registration_reaches_its_caller_as_storage_unavailable_and_never_fails_the_node_step()
    {
        var world = await FaultWorld.Create(platform); // a fresh LE, registered
        var received = await ReceivedCase(world.Provider);
        var shard = GrainInterfaces.Cases.INodeInboxGrain.KeyOf(Cases.CaseScenario.Gdc, received.Tan);

        await using (await TableAway("genomde_reminders"))
        {
            // The deadline reminder belongs to the inbox shard now: an inbox that must register it
            // (a fresh shard, a first deadline) fails before it writes, as storage_unavailable.
            var fresh = TestIds.NodeId("GRZ");
            var entry = new GrainInterfaces.Cases.InboxEntry($"{world.Provider}:fact", (await received.Scenario.Case()).Submissions.Single() with { Status = GrainInterfaces.Cases.SubmissionStatus.QcPassed }, DateTimeOffset.UtcNow.AddDays(1));
            var fromClient = await Caught(() => platform.Grains.GetGrain<GrainInterfaces.Cases.INodeInboxGrain>($"{fresh}/0").Upsert(entry));

            // The node's basic QC is the case's write; telling the inbox (and its reminder) follows
            // from the case's outbox, which retries: the step itself succeeds.
            var response = await received.Scenario.GenomeCentre.PostRaw($"/api/v1/inbox/{received.Tan}/basic-qc", "{\"passed\":true}");
            await Report("reminder registration", fromClient, response);

            AssertReachesCallerAsStorageUnavailable(fromClient);
            Assert.IsAssignableFrom<System.Data.Common.DbException>(fromClient!.InnerException);
            Assert.Empty(await platform.Grains.GetGrain<GrainInterfaces.Cases.INodeInboxGrain>($"{fresh}/0").List());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Once the table is back, the case's outbox retry reaches the inbox, which registers its reminder.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (await DeadlineReminders(shard) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Equal(1L, await DeadlineReminders(shard));
        var entries = await platform.Grains.GetGrain<GrainInterfaces.Cases.INodeInboxGrain>(shard).List();
        Assert.NotNull(Assert.Single(entries, e => e.Submission.Tan == received.Tan).ReportDueAt);
    }

    private async Task<long> DeadlineReminders(string inboxKey)
    {
        await using var connection = new NpgsqlConnection(platform.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM genomde_reminders WHERE reminder_name = 'report-deadlines' AND grain_id LIKE @grain", connection);
        command.Parameters.AddWithValue("grain", "%" + inboxKey);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<(Cases.CaseScenario Scenario, string Tan)> ReceivedCase(string provider)
    {
        var scenario = await Cases.CaseScenario.Start(platform, provider);
        var metadata = scenario.Metadata(Submissions.MetadataDocument.Panel);
        var tan = metadata["submission"]!["tanG"]!.GetValue<string>();
        await (await scenario.SubmitGenomic(metadata)).Read<GrainInterfaces.Cases.SubmissionAnswer>(HttpStatusCode.Created);
        await (await scenario.GenomeCentre.PostRaw($"/api/v1/inbox/{tan}/receipt", "{}")).Read<GrainInterfaces.Cases.SubmissionView>();
        return (scenario, tan);
    }

    private static StringContent Body(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static void AssertReachesCallerAsStorageUnavailable(Exception? fromClient)
    {
        Assert.NotNull(fromClient);
        Assert.True(Chain(fromClient).Any(e => e is StorageUnavailableException), $"the Orleans client received {Describe(fromClient)}");
    }

    private static async Task<Exception?> Caught(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static async Task Report(string what, Exception? fromClient, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        TestContext.Current.TestOutputHelper?.WriteLine($"{what}: Orleans client received {(fromClient is null ? "-" : Describe(fromClient))}; HTTP {(int)response.StatusCode} {body}");
    }

    private static string Describe(Exception e) => string.Join(" → ", Chain(e).Select(x => $"{x.GetType().FullName}: {x.Message.Split('\n')[0]}"));

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
        }
    }

    /// <summary>Renames <paramref name="table"/> until disposed: every statement of the provider
    /// that uses it fails inside Npgsql with PostgreSQL's 42P01.</summary>
    private async Task<IAsyncDisposable> TableAway(string table)
    {
        await Execute($"ALTER TABLE {table} RENAME TO {table}_away");
        return new Restore(() => Execute($"ALTER TABLE {table}_away RENAME TO {table}"));
    }

    private async Task Execute(string sql)
    {
        await using var connection = new NpgsqlConnection(platform.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Restore(Func<Task> restore) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await restore();
    }
}
