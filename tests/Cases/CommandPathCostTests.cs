using System.Net;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Nodes;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.GrainInterfaces.Nodes;
using GenomDE.Orleans.Tests.Fixtures;
using GenomDE.Orleans.Tests.Submissions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace GenomDE.Orleans.Tests.Cases;

/// <summary>What the command path costs in calls and reminder writes (issue 16, "known hot spots"):
/// counted on the grains' side, for call chains this test tagged, on a node no other test uses.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class CommandPathCostTests(PlatformFixture platform)
{
    [Fact]
    public async Task Report_deadlines_take_one_reminder_per_inbox_shard_and_none_per_case()
    {
        var gdc = (await new Api.NodeApiClient(platform.Operator()).NodeIn(NodeStatus.Approved)).NodeId!;
        var first = await Submitted(gdc, CaseScenario.NewTan());
        await BasicQc(first, gdc);

        var table = ReminderTable();
        var shard = GrainId.Create("node-inbox", INodeInboxGrain.KeyOf(gdc, first.Tan));
        var registered = Assert.Single((await table.ReadRows(shard)).Reminders);
        Assert.Equal("report-deadlines", registered.ReminderName);
        Assert.Empty((await table.ReadRows(first.Grain)).Reminders); // before: "report-due" on every case with a QC

        // A second case whose TAN falls in the same shard: its deadline is later, the reminder is not written again.
        var second = await Submitted(gdc, first.Tan[..1] + CaseScenario.NewTan()[1..]);
        await BasicQc(second, gdc);
        var after = Assert.Single((await table.ReadRows(shard)).Reminders);
        Assert.Equal((registered.ETag, registered.StartAt), (after.ETag, after.StartAt));
        Assert.Empty((await table.ReadRows(second.Grain)).Reminders);

        // The shard's entries carry each deadline: basic QC plus the configured week.
        var entries = await platform.Grains.GetGrain<INodeInboxGrain>(INodeInboxGrain.KeyOf(gdc, first.Tan)).List();
        foreach (var run in new[] { first, second })
        {
            var qcAt = (await run.Case.Get(new Caller(ParticipantRole.Provider, CaseScenario.Provider))).Value!.History.Last(h => h.What.StartsWith("basic QC", StringComparison.Ordinal)).At;
            Assert.Equal(qcAt + TimeSpan.FromDays(7), Assert.Single(entries, e => e.Submission.Tan == run.Tan).ReportDueAt);
        }
    }

    [Fact]
    public async Task Lifecycles_ask_each_silos_approval_cache_not_the_directory_and_write_at_most_one_reminder_per_shard()
    {
        const int Lifecycles = 32;
        var gdc = (await new Api.NodeApiClient(platform.Operator()).NodeIn(NodeStatus.Approved)).NodeId!;
        var scenarios = new List<CaseScenario>();
        for (var i = 0; i < Lifecycles; i++)
        {
            scenarios.Add(await CaseScenario.Start(platform));
        }

        var started = DateTime.UtcNow;
        var tag = CallCounter.Start();
        Dictionary<string, int> calls;
        try
        {
            using var gate = new SemaphoreSlim(8);
            await Task.WhenAll(scenarios.Select(async scenario =>
            {
                await gate.WaitAsync();
                try
                {
                    await Lifecycle(scenario, gdc);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }
        finally
        {
            CallCounter.Stop();
            calls = new(CallCounter.Of(tag));
        }

        var elapsed = DateTime.UtcNow - started;
        TestContext.Current.TestOutputHelper?.WriteLine($"{Lifecycles} lifecycles in {elapsed.TotalMilliseconds:F0} ms; calls per lifecycle: "
            + string.Join(", ", calls.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {(double)c.Value / Lifecycles:0.##}")));

        // Submission, receipt, basic QC and report each ask whether the node is approved (before: 4 directory calls each).
        Assert.Equal(4 * Lifecycles, calls.GetValueOrDefault("node-approvals.IsApproved"));
        var windows = 1 + (int)(elapsed / INodeApprovalsGrain.Expiry);
        Assert.InRange(calls.GetValueOrDefault("node-directory.IsApproved"), 1, Math.Min(4 * Lifecycles, platform.Cluster.Silos.Count * windows));

        // The deadlines: a reminder write when a shard first watches one, none per case (before: one
        // registration per case at basic QC, and one removal when it fired a week later).
        Assert.InRange(calls.GetValueOrDefault("remindertable.UpsertRow"), 1, INodeInboxGrain.Shards);
        Assert.Equal(0, calls.GetValueOrDefault("remindertable.RemoveRow"));
        Assert.Equal((Lifecycles, Lifecycles, Lifecycles), (calls.GetValueOrDefault("tan-claim.Claim"), calls.GetValueOrDefault("submission-locator.Bind"), calls.GetValueOrDefault("submission-document.Keep")));
    }

    private async Task Lifecycle(CaseScenario scenario, string gdc)
    {
        var run = await Submitted(scenario, gdc, CaseScenario.NewTan());
        await Ok(run.Case.AcknowledgeReceipt(Node(gdc), run.Tan));
        await BasicQc(run, gdc);
        var submission = (await run.Case.Get(new Caller(ParticipantRole.Provider, CaseScenario.Provider))).Value!.Submissions.Single();
        await Ok(platform.Grains.GetGrain<ICheckReportIntakeGrain>(0).Submit(Node(gdc), CaseScenario.Report(submission, true, CaseScenario.Provider).ToJsonString()));
    }

    [Fact]
    public async Task A_suspended_node_is_refused_once_the_approval_expired()
    {
        var nodes = new Api.NodeApiClient(platform.Operator());
        var node = await nodes.NodeIn(NodeStatus.Approved);
        var run = await Submitted(node.NodeId!, CaseScenario.NewTan()); // caches the approval on the case's silo
        await (await nodes.Command(node.ApplicationId, "suspend")).Read<NodeView>();

        // Whenever a step comes, one that starts an expiry after the suspension is refused.
        var suspendedAt = DateTime.UtcNow;
        var deadline = suspendedAt + TimeSpan.FromSeconds(60);
        List<DateTime> allowed = [];
        Result<SubmissionView> step;
        while (true)
        {
            var startedAt = DateTime.UtcNow;
            step = await run.Case.AcknowledgeReceipt(Node(node.NodeId!), run.Tan); // a fresh key each time: decided again
            if (step.Error?.Code == "node_not_approved" || startedAt > deadline)
            {
                break;
            }

            allowed.Add(startedAt);
            await Task.Delay(100);
        }

        Assert.Equal("node_not_approved", step.Error?.Code);
        Assert.All(allowed, at => Assert.True(at - suspendedAt < INodeApprovalsGrain.Expiry, $"a step {at - suspendedAt} after the suspension was allowed"));
    }

    private async Task<Run> Submitted(string gdc, string tan) => await Submitted(await CaseScenario.Start(platform), gdc, tan);

    private async Task<Run> Submitted(CaseScenario scenario, string gdc, string tan)
    {
        var metadata = scenario.Metadata(MetadataDocument.Panel, tan: tan);
        metadata["submission"]!["genomicDataCenterId"] = gdc;
        var grain = platform.Grains.GetGrain<ICaseGrain>(CaseKeys.Of(CaseScenario.Provider, scenario.LocalCaseId));
        await Ok(grain.SubmitGenomic(new CommandContext(new Caller(ParticipantRole.Provider, CaseScenario.Provider), TestIds.Key()), metadata.ToJsonString()));
        return new Run(grain, tan, grain.GetGrainId());
    }

    private static Task BasicQc(Run run, string gdc) => Ok(run.Case.ReportBasicQc(Node(gdc), run.Tan, new BasicQcOutcome(true, null, null)));

    private static CommandContext Node(string gdc) => new(new Caller(ParticipantRole.Gdc, gdc), TestIds.Key());

    private static async Task Ok<T>(Task<Result<T>> call)
    {
        var result = await call;
        Assert.True(result.IsSuccess, result.Error?.Detail);
    }

    private IReminderTable ReminderTable() =>
        ((InProcessSiloHandle)platform.Cluster.Silos[0]).ServiceProvider.GetRequiredService<IReminderTable>();

    private sealed record Run(ICaseGrain Case, string Tan, GrainId Grain);
}
