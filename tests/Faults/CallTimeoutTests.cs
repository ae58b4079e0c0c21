using GenomDE.Orleans.GrainInterfaces.Reporting;
using GenomDE.Orleans.Tests.Faults.Lifecycles;

namespace GenomDE.Orleans.Tests.Faults;

/// <summary>Per callee grain type: the first grain-to-grain call to it during a full lifecycle times
/// out, either before it was delivered or after the callee ran (its answer lost), as an Orleans call
/// does. The participant gets 503 cluster_unavailable, retries with the same key, and in the end the
/// case, its tokens, its inbox entries, its reporting rows and the statistics count it exactly once.</summary>
[Collection(FaultsCollectionDefinition.Name)]
[Trait("Category", "Faults")]
public sealed class CallTimeoutTests(FaultsPlatformFixture platform)
{
    /// <summary>Every grain type the lifecycle calls from another grain.</summary>
    public static TheoryData<string, bool> Callees()
    {
        var data = new TheoryData<string, bool>();
        foreach (var callee in new[]
        {
            "case", "tan-claim", "submission-locator", "submission-document", "node-inbox", "detailed-qc-sampling", "report-bucket",
            "report-period", "statistics-shard", "token", "token-counter", "provider-token-days", "reimbursement", "node-directory",
            "provider-directory", "payer-directory", "provider",
        })
        {
            data.Add(callee, false);
            data.Add(callee, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Callees))]
    public async Task A_timed_out_call_is_retried_to_one_answer_and_counted_once(string callee, bool delivered)
    {
        var before = await Statistics(platform);
        platform.Faults.Arm(FaultPlan.NextCallTo(callee, delivered));
        FaultWorld world;
        LifecycleRun run;
        try
        {
            world = await FaultWorld.Create(platform);
            run = new LifecycleRun(world);
            await run.Run();
        }
        finally
        {
            platform.Faults.Disarm();
        }

        var fault = Assert.Single(platform.Faults.Injected);
        Assert.Equal((delivered ? FaultKind.CallTimeoutAfterDelivery : FaultKind.CallTimeout, callee), (fault.Kind, fault.GrainType));
        var command = Assert.Single(world.SetupCommands.Concat(run.Commands.Values), c => c.Answer.FailedAttempts.Count > 0);
        Assert.Equal(["503 cluster_unavailable"], command.Answer.FailedAttempts);
        var replay = await command.Replay();
        Assert.Equal(command.Answer.Status, replay.Status);
        Assert.Equal(command.Answer.Body, replay.Body); // byte for byte: a replay decides nothing anew
        Assert.Empty(world.Log.Forbidden);

        var invariants = await new Invariants(world, [run], platform.Database.ConnectionString).CheckCases();
        var after = await Statistics(platform);
        Assert.Equal(
            (before.Cases + 1, before.Submissions + 2, before.TokensIssued + 2, before.ClaimsReimbursed + 1),
            (after.Cases, after.Submissions, after.TokensIssued, after.ClaimsReimbursed));
        invariants.AssertNone();
    }

    private static async Task<PlatformStatistics> Statistics(FaultsPlatformFixture platform)
    {
        using var http = platform.Operator();
        var answer = await new PatientClient(http, new RetryLog()).Get("/api/v1/statistics");
        return answer.Read<PlatformStatistics>();
    }
}
