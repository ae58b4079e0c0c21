using GenomDE.Orleans.Tests.Faults.Lifecycles;

namespace GenomDE.Orleans.Tests.Faults;

/// <summary>The case grain's command path step by step (the part being rewritten with an outbox):
/// the case's state write of one step fails once, before or after commit; the participant retries
/// with the same key. The activation must fall back to the stored state, the retry's answer must be
/// what any later replay returns, byte for byte, and the whole case must agree afterwards. (The
/// claim's write is the subject of <see cref="ClaimFeedTests"/>.)</summary>
[Collection(FaultsCollectionDefinition.Name)]
[Trait("Category", "Faults")]
public sealed class CaseStepFaultTests(FaultsPlatformFixture platform)
{
    public static TheoryData<string, WritePhase> Steps()
    {
        var data = new TheoryData<string, WritePhase>();
        foreach (var step in new[] { "register", "genomic", "clinical", "gdc-receipt", "gdc-basic-qc", "cdn-receipt", "cdn-basic-qc", "gdc-report", "cdn-report" })
        {
            data.Add(step, WritePhase.BeforeCommit);
            data.Add(step, WritePhase.AfterCommit);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task A_failed_case_write_in_one_step_is_retried_to_one_answer_and_the_case_agrees(string step, WritePhase phase)
    {
        var check = new ActivationStateCheck(platform.Faults);
        var world = await FaultWorld.Create(platform, onFailedAttempt: check.AfterFailedAttempt);
        var run = new LifecycleRun(world)
        {
            BeforeStep = s =>
            {
                if (s == step)
                {
                    platform.Faults.Arm(FaultPlan.NextWriteOf("case", phase));
                }

                return Task.CompletedTask;
            },
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
        Assert.Equal("case", fault.GrainType);
        Assert.Equal([fault.ToString()], check.Checked);
        var command = run.Commands[step];
        Assert.Equal(["503 storage_unavailable"], command.Answer.FailedAttempts);
        var replay = await command.Replay();
        Assert.Equal(command.Answer.Status, replay.Status);
        Assert.Equal(command.Answer.Body, replay.Body); // byte for byte: a replay decides nothing anew
        Assert.Empty(world.Log.Forbidden);
        (await Invariants.Settled(world, [run], platform.Database.ConnectionString, i => i.CheckCases())).AssertNone();
    }
}
