using System.Diagnostics;
using GenomDE.Orleans.Tests.Faults.Lifecycles;

namespace GenomDE.Orleans.Tests.Faults;

/// <summary>A slow database is not a failure: with every case write delayed, a lifecycle takes
/// longer but meets no error and ends exactly as without delay.</summary>
[Collection(FaultsCollectionDefinition.Name)]
[Trait("Category", "Faults")]
public sealed class SlowStorageTests(FaultsPlatformFixture platform)
{
    [Fact]
    public async Task Slow_case_writes_delay_a_lifecycle_without_errors()
    {
        var latency = TimeSpan.FromMilliseconds(250);
        var world = await FaultWorld.Create(platform);
        var run = new LifecycleRun(world);
        platform.Faults.Arm(new FaultPlan(GrainTypes: new HashSet<string>(StringComparer.Ordinal) { "case" }, WriteLatency: latency));
        var clock = Stopwatch.StartNew();
        int delayed;
        try
        {
            await run.Run();
        }
        finally
        {
            delayed = platform.Faults.MatchingWrites; // arming (also disarming) starts the count afresh
            platform.Faults.Disarm();
        }

        // Ten commands write the case at least once each (nine steps and the payer's claim).
        Assert.True(delayed >= 10, $"only {delayed} case writes were delayed");
        Assert.True(clock.Elapsed >= latency * 10, $"the lifecycle took {clock.Elapsed}, less than its delayed writes");
        Assert.Empty(platform.Faults.Injected);
        Assert.Equal(0, world.Log.Retries);
        (await Invariants.Settled(world, [run], platform.Database.ConnectionString, i => i.CheckCases())).AssertNone();
    }
}
