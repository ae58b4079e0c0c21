using System.Net;
using GenomDE.Orleans.Tests.Faults.Lifecycles;

namespace GenomDE.Orleans.Tests.Faults;

/// <summary>Issue 11, per grain type with state: a write of that type fails once during a full
/// case lifecycle driven over HTTP (before the database saw it, or after it committed), and the
/// participants retry with the same Idempotency-Key as the API tells them to.</summary>
[Collection(FaultsCollectionDefinition.Name)]
[Trait("Category", "Faults")]
public sealed class FailedWriteTests(FaultsPlatformFixture platform)
{
    public static TheoryData<string> StatefulGrainTypes => [.. PlatformGrainTypes.Stateful.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_stateful_grain_type_of_the_platform_is_covered()
    {
        // The lifecycle below must write each of these; a new stateful grain shows up here first.
        Assert.Equal(
            ["case", "detailed-qc-sampling", "node", "node-directory", "node-inbox", "payer", "payer-directory", "provider", "provider-directory",
             "provider-token-days", "reimbursement", "report-bucket", "report-period", "statistics-shard", "submission-document", "submission-locator",
             "tan-claim", "token", "token-counter"],
            PlatformGrainTypes.Stateful.Keys.Order(StringComparer.Ordinal));
        Assert.All(PlatformGrainTypes.Stateful.Keys, t => Assert.Contains(t, PlatformGrainTypes.All));
    }

    [Theory]
    [MemberData(nameof(StatefulGrainTypes))]
    public async Task A_write_failing_before_commit_answers_503_and_leaves_the_activation_on_the_stored_state(string grainType)
    {
        var check = new ActivationStateCheck(platform.Faults);
        platform.Faults.Arm(FaultPlan.NextWriteOf(grainType, WritePhase.BeforeCommit));
        try
        {
            var (world, run) = await RunLifecycle(check.AfterFailedAttempt);

            var fault = Assert.Single(platform.Faults.Injected);
            Assert.Equal((FaultKind.WriteBeforeCommit, grainType), (fault.Kind, fault.GrainType));
            Assert.Equal([fault.ToString()], check.Checked);
            var failed = Assert.Single(AllCommands(world, run), c => c.Answer.FailedAttempts.Count > 0);
            Assert.Equal(["503 storage_unavailable"], failed.Answer.FailedAttempts);
            (await new Invariants(world, [run], platform.Database.ConnectionString).CheckCases()).AssertNone();
        }
        finally
        {
            platform.Faults.Disarm();
        }
    }

    [Theory]
    [MemberData(nameof(StatefulGrainTypes))]
    public async Task A_write_failing_after_commit_is_retried_to_the_first_answer_and_doubles_nothing(string grainType)
    {
        platform.Faults.Arm(FaultPlan.NextWriteOf(grainType, WritePhase.AfterCommit));
        FaultWorld world;
        LifecycleRun run;
        try
        {
            (world, run) = await RunLifecycle(_ => Task.CompletedTask);
        }
        finally
        {
            platform.Faults.Disarm();
        }

        var fault = Assert.Single(platform.Faults.Injected);
        Assert.Equal((FaultKind.WriteAfterCommit, grainType), (fault.Kind, fault.GrainType));
        var stored = await fault.Probe!.Stored();
        Assert.True(stored.RecordExists, $"{fault}: the write that 'failed' after commit is not stored");

        // The command that met the fault answered 503 and its retry answered; a further replay with
        // the same key must return that answer byte for byte (nothing decided twice).
        var command = Assert.Single(AllCommands(world, run), c => c.Answer.FailedAttempts.Count > 0);
        Assert.Equal(["503 storage_unavailable"], command.Answer.FailedAttempts);
        var replay = await command.Replay();
        Assert.Equal(command.Answer.Status, replay.Status);
        Assert.Equal(command.Answer.Body, replay.Body); // byte for byte: a replay decides nothing anew
        (await new Invariants(world, [run], platform.Database.ConnectionString).CheckCases()).AssertNone();
    }

    private async Task<(FaultWorld World, LifecycleRun Run)> RunLifecycle(Func<string, Task> onFailedAttempt)
    {
        var log = new RetryLog();
        var world = await FaultWorld.Create(platform, log, onFailedAttempt);
        var run = new LifecycleRun(world);
        await run.Run();
        Assert.Empty(log.Forbidden);
        return (world, run);
    }

    private static IEnumerable<SentCommand> AllCommands(FaultWorld world, LifecycleRun run) =>
        world.SetupCommands.Concat(run.Commands.Values);
}
