using GenomDE.Orleans.GrainInterfaces.Reporting;
using GenomDE.Orleans.Tests.Faults.Lifecycles;

namespace GenomDE.Orleans.Tests.Faults;

/// <summary>Found by the chaos run: a payer's claim whose reporting feed failed once never reaches
/// the statistics. Reproduced deterministically here: one write on the claim's path to the
/// statistics (the case, its reporting bucket, the period, the statistics shard) fails, the payer
/// retries with the same key, and the statistics must count the reimbursement exactly once.
/// Re-run after a fix: <c>dotnet test tests -- --filter-trait "Finding=claim-feed"</c>.</summary>
[Collection(FaultsCollectionDefinition.Name)]
[Trait("Category", "Faults")]
[Trait("Finding", "claim-feed")]
public sealed class ClaimFeedTests(FaultsPlatformFixture platform)
{
    [Theory]
    [InlineData("case", WritePhase.BeforeCommit)]
    [InlineData("case", WritePhase.AfterCommit)]
    [InlineData("report-bucket", WritePhase.BeforeCommit)]
    [InlineData("report-bucket", WritePhase.AfterCommit)]
    [InlineData("report-period", WritePhase.BeforeCommit)]
    [InlineData("report-period", WritePhase.AfterCommit)]
    [InlineData("statistics-shard", WritePhase.BeforeCommit)]
    [InlineData("statistics-shard", WritePhase.AfterCommit)]
    public async Task A_claim_whose_path_to_the_statistics_fails_once_is_counted_once_after_the_retry(string grainType, WritePhase phase)
    {
        var world = await FaultWorld.Create(platform);
        var run = new LifecycleRun(world);
        PlatformStatistics? before = null;
        run.BeforeStep = async step =>
        {
            if (step == "claim")
            {
                before = await Statistics(world);
                platform.Faults.Arm(FaultPlan.NextWriteOf(grainType, phase));
            }
        };
        try
        {
            await run.Run();
        }
        finally
        {
            platform.Faults.Disarm();
        }

        var fault = Assert.Single(platform.Faults.Injected);
        Assert.Equal(grainType, fault.GrainType);
        Assert.Equal(["503 storage_unavailable"], run.Commands["claim"].Answer.FailedAttempts);
        var after = await Statistics(world);
        var invariants = await new Invariants(world, [run], platform.Database.ConnectionString).CheckCases();
        Assert.Equal((before!.ClaimsReimbursed + 1, before.CasesByStatus.GetValueOrDefault("reimbursed") + 1),
            (after.ClaimsReimbursed, after.CasesByStatus.GetValueOrDefault("reimbursed")));
        invariants.AssertNone();
    }

    private static async Task<PlatformStatistics> Statistics(FaultWorld world) =>
        (await FaultWorld.Expect(world.Operator.Get("/api/v1/statistics"), "statistics")).Read<PlatformStatistics>();
}
