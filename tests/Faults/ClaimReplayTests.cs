using GenomDE.Orleans.Tests.Faults.Lifecycles;

namespace GenomDE.Orleans.Tests.Faults;

/// <summary>Once a finding of <see cref="CallTimeoutTests"/> (callee reimbursement, not delivered):
/// a replayed claim answered <c>"tokens":[]</c>. The claim's stored answer now names the tokens as
/// the settlement leaves them, so a replay with the same Idempotency-Key answers the first answer
/// byte for byte. No fault is needed to show it.</summary>
[Collection(FaultsCollectionDefinition.Name)]
[Trait("Category", "Faults")]
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
