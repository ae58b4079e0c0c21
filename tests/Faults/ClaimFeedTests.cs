using GenomDE.Orleans.Tests.Faults.Lifecycles;

namespace GenomDE.Orleans.Tests.Faults;

/// <summary>Once a finding of the chaos run (a claim whose reporting feed failed once was never
/// counted, because <c>CaseGrain.RecordClaim</c> returned early on the repeated notification), now a
/// regression test of the outbox path: after the claim, one write on its way to the statistics (the
/// case's RecordClaim, then the reporting projector's counters and checkpoint; a claim changes no
/// report row, so no bucket is on this path) fails once. Neither is in the claim's request, so the
/// payer's claim answers at once; the reimbursement's and the case's retry timers and the
/// projector's next batch must then bring the statistics to exactly one more reimbursed claim and case.</summary>
[Collection(FaultsCollectionDefinition.Name)]
[Trait("Category", "Faults")]
public sealed class ClaimFeedTests(FaultsPlatformFixture platform)
{
    [Theory]
    [InlineData("case", WritePhase.BeforeCommit)]
    [InlineData("case", WritePhase.AfterCommit)]
    [InlineData("reporting-projector", WritePhase.BeforeCommit)]
    [InlineData("reporting-projector", WritePhase.AfterCommit)]
    public async Task A_claim_whose_path_to_the_statistics_fails_once_is_counted_once(string grainType, WritePhase phase)
    {
        var world = await FaultWorld.Create(platform);
        var run = new LifecycleRun(world);
        GrainInterfaces.Reporting.PlatformStatistics? before = null;
        run.BeforeStep = async step =>
        {
            if (step == "claim")
            {
                before = await Invariants.Statistics(world);
                platform.Faults.Arm(FaultPlan.NextWriteOf(grainType, phase));
            }
        };
        try
        {
            await run.Run();
        }
        finally
        {
            await platform.Faults.DisarmAfterInjection(TimeSpan.FromSeconds(10));
        }

        var claimed = await Invariants.Settled(world, [run], platform.Database.ConnectionString, i => i.CheckClaimSince(before!));
        var invariants = await Invariants.Settled(world, [run], platform.Database.ConnectionString, i => i.CheckCases());
        var fault = Assert.Single(platform.Faults.Injected);
        Assert.Equal((grainType, phase == WritePhase.BeforeCommit ? FaultKind.WriteBeforeCommit : FaultKind.WriteAfterCommit), (fault.GrainType, fault.Kind));
        ActivationStateCheck.AtReload(fault);
        Assert.Empty(run.Commands["claim"].Answer.FailedAttempts); // an effect of the claim's write: the payer sees nothing
        var replay = await run.Commands["claim"].Replay();
        Assert.Equal(run.Commands["claim"].Answer.Body, replay.Body);
        Assert.Empty(world.Log.Forbidden);
        claimed.AssertNone();
        invariants.AssertNone();
    }
}
