using GenomDE.Orleans.Tests.Faults.Lifecycles;

namespace GenomDE.Orleans.Tests.Faults;

/// <summary>Found by <see cref="CallTimeoutTests"/> (callee reimbursement, not delivered): the answer
/// to a claim and the answer to its replay with the same Idempotency-Key differ. No fault is needed
/// to show it. Re-run after a fix: <c>dotnet test tests -- --filter-trait "Finding=claim-replay"</c>.</summary>
[Collection(FaultsCollectionDefinition.Name)]
[Trait("Category", "Faults")]
[Trait("Finding", "claim-replay")]
public sealed class ClaimReplayTests(FaultsPlatformFixture platform)
{
    [Fact]
    public async Task A_replayed_claim_returns_the_first_answer_byte_for_byte()
    {
        var world = await FaultWorld.Create(platform);
        var run = new LifecycleRun(world);
        await run.Run();
        var claim = run.Commands["claim"];
        Assert.Empty(claim.Answer.FailedAttempts);

        var replay = await claim.Replay();

        Assert.Equal(claim.Answer.Status, replay.Status);
        Assert.Equal(claim.Answer.Body, replay.Body);
    }
}
