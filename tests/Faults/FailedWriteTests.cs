using GenomDE.Orleans.GrainInterfaces.Reporting;
using GenomDE.Orleans.Tests.Faults.Lifecycles;

namespace GenomDE.Orleans.Tests.Faults;

/// <summary>Issue 11, per grain type with state: the first write of that type fails once during a
/// full case lifecycle driven over HTTP (before the database saw it, or after it committed), and the
/// participants retry with the same Idempotency-Key as the API tells them to. What a participant
/// sees depends on the write's path (<see cref="FaultContract.FirstWrite"/>): a decision-path write
/// fails its command with 503 and the retry answers; an effect is retried by its writer's outbox and
/// no command fails. Either way the activation that met the fault holds the stored state, nothing is
/// lost or doubled once the platform has settled, and every command replays byte for byte.</summary>
[Collection(FaultsCollectionDefinition.Name)]
[Trait("Category", "Faults")]
public sealed class FailedWriteTests(FaultsPlatformFixture platform)
{
    public static TheoryData<string> LifecycleGrainTypes =>
        [.. PlatformGrainTypes.Stateful.Keys.Where(t => !FaultContract.WebhookTypes.Contains(t)).Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_stateful_grain_type_of_the_platform_is_covered()
    {
        // A new stateful grain shows up here first: add it to FaultContract.FirstWrite (and to a
        // scenario that writes it). The lifecycle below writes all but the webhook types, which
        // WebhookFaultTests covers (registration writes all three). memory-event-log keeps no
        // platform state (embedded mode only), so it is not listed.
        Assert.Equal(
            ["case", "detailed-qc-sampling", "node", "node-directory", "node-inbox", "payer", "payer-directory", "provider", "provider-directory",
             "provider-token-days", "reimbursement", "report-bucket", "report-period", "reporting-projector", "submission-document", "submission-locator",
             "tan-claim", "token", "token-counter", "webhook-directory", "webhook-endpoint", "webhook-registry"],
            PlatformGrainTypes.Stateful.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(PlatformGrainTypes.Stateful.Keys.Order(StringComparer.Ordinal), FaultContract.FirstWrite.Keys.Order(StringComparer.Ordinal));
        Assert.All(PlatformGrainTypes.Stateful.Keys, t => Assert.Contains(t, PlatformGrainTypes.All));
        Assert.All(FaultContract.WebhookTypes, t => Assert.Contains(t, PlatformGrainTypes.Stateful.Keys));
    }

    [Theory]
    [MemberData(nameof(LifecycleGrainTypes))]
    public async Task A_write_failing_before_commit_leaves_the_activation_on_the_stored_state_and_loses_nothing(string grainType)
    {
        var check = new ActivationStateCheck(platform.Faults);
        var (world, run, invariants) = await RunLifecycle(FaultPlan.NextWriteOf(grainType, WritePhase.BeforeCommit), check.AfterFailedAttempt);

        var fault = Assert.Single(platform.Faults.Injected);
        Assert.Equal((FaultKind.WriteBeforeCommit, grainType), (fault.Kind, fault.GrainType));
        ActivationStateCheck.AtReload(fault);
        await AssertThePathsContract(grainType, world, run, "503 storage_unavailable");
        if (FaultContract.FirstWrite[grainType] == FaultPath.Decision)
        {
            Assert.Equal([fault.ToString()], check.Checked); // compared again after the participant's failed attempt
        }

        invariants.AssertNone();
    }

    [Theory]
    [MemberData(nameof(LifecycleGrainTypes))]
    public async Task A_write_failing_after_commit_leaves_the_activation_on_the_stored_state_and_doubles_nothing(string grainType)
    {
        var (world, run, invariants) = await RunLifecycle(FaultPlan.NextWriteOf(grainType, WritePhase.AfterCommit), _ => Task.CompletedTask);

        var fault = Assert.Single(platform.Faults.Injected);
        Assert.Equal((FaultKind.WriteAfterCommit, grainType), (fault.Kind, fault.GrainType));
        ActivationStateCheck.AtReload(fault); // includes: the write that 'failed' is stored, the activation holds its new ETag
        await AssertThePathsContract(grainType, world, run, "503 storage_unavailable");
        invariants.AssertNone();
    }

    /// <summary>Decision path: exactly one command met the fault, answered <paramref name="failure"/>
    /// once, then its retry answered. Effect: no participant saw any failed attempt. Both: every
    /// command (setup and lifecycle) replays byte for byte, so nothing was decided twice.</summary>
    internal static async Task AssertThePathsContract(string grainType, FaultWorld world, LifecycleRun run, string failure, FaultPath? path = null)
    {
        var commands = world.SetupCommands.Concat(run.Commands.Values).ToList();
        if ((path ?? FaultContract.FirstWrite[grainType]) == FaultPath.Decision)
        {
            var failed = Assert.Single(commands, c => c.Answer.FailedAttempts.Count > 0);
            Assert.Equal([failure], failed.Answer.FailedAttempts);
        }
        else
        {
            Assert.All(commands, c => Assert.True(c.Answer.FailedAttempts.Count == 0, $"{c.Step}: {string.Join(", ", c.Answer.FailedAttempts)}"));
            Assert.True(world.Log.Retries == 0, $"a fault in an effect of {grainType} reached a participant: {world.Log}");
        }

        // Commands with an Idempotency-Key, and the one that failed (a PUT of a participant is idempotent by its content).
        foreach (var command in commands.Where(c => c.Key is not null || c.Answer.FailedAttempts.Count > 0))
        {
            var replay = await command.Replay();
            Assert.True(replay.FailedAttempts.Count == 0, $"replay of {command.Step}: {string.Join(", ", replay.FailedAttempts)}");
            Assert.Equal(command.Answer.Status, replay.Status);
            Assert.Equal(command.Answer.Body, replay.Body); // byte for byte: a replay decides nothing anew
        }

        Assert.Empty(world.Log.Forbidden);
    }

    private async Task<(FaultWorld World, LifecycleRun Run, Invariants Invariants)> RunLifecycle(FaultPlan plan, Func<string, Task> onFailedAttempt)
    {
        var log = new RetryLog();
        PlatformStatistics before;
        FaultWorld world;
        LifecycleRun run;
        using (var http = platform.Operator())
        {
            before = (await new PatientClient(http, new RetryLog()).Get("/api/v1/statistics")).Read<PlatformStatistics>();
        }

        platform.Faults.Arm(plan);
        try
        {
            world = await FaultWorld.Create(platform, log, onFailedAttempt);
            run = new LifecycleRun(world);
            await run.Run();
        }
        finally
        {
            await platform.Faults.DisarmAfterInjection(TimeSpan.FromSeconds(10));
        }

        Assert.Empty(log.Forbidden);
        var invariants = await Invariants.Settled(world, [run], platform.Database.ConnectionString,
            async i => await (await i.CheckCases()).CheckStatisticsSince(before));
        return (world, run, invariants);
    }
}
