using GenomDE.Orleans.GrainInterfaces.Reporting;
using GenomDE.Orleans.Tests.Faults.Lifecycles;

namespace GenomDE.Orleans.Tests.Faults;

/// <summary>Per callee grain type: the first grain-to-grain call to it during a full lifecycle times
/// out, either before it was delivered or after the callee ran (its answer lost), as an Orleans call
/// does. A call made while a command decides fails the command with 503 cluster_unavailable and the
/// participant retries with the same key; a call made as an effect (from an outbox, after the
/// caller's write) fails no command and is repeated by the caller's retry timer
/// (<see cref="FaultContract.FirstCall"/>). In the end the case, its tokens, its inbox entries, its
/// reporting rows and the statistics count it exactly once.</summary>
[Collection(FaultsCollectionDefinition.Name)]
[Trait("Category", "Faults")]
public sealed class CallTimeoutTests(FaultsPlatformFixture platform)
{
    /// <summary>Every grain type the lifecycle calls from another grain.</summary>
    public static TheoryData<string, bool> Callees()
    {
        var data = new TheoryData<string, bool>();
        foreach (var callee in FaultContract.FirstCall.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(callee, false);
            data.Add(callee, true);
        }

        return data;
    }

    [Fact]
    public void Every_callee_is_a_platform_grain_type()
    {
        Assert.All(FaultContract.FirstCall.Keys, t => Assert.Contains(t, PlatformGrainTypes.All));
        Assert.Equal(17, FaultContract.FirstCall.Count);
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
            await platform.Faults.DisarmAfterInjection(TimeSpan.FromSeconds(10));
        }

        Assert.Empty(world.Log.Forbidden);
        var invariants = await Invariants.Settled(world, [run], platform.Database.ConnectionString,
            async i => await (await i.CheckCases()).CheckStatisticsSince(before));
        var fault = Assert.Single(platform.Faults.Injected);
        Assert.Equal((delivered ? FaultKind.CallTimeoutAfterDelivery : FaultKind.CallTimeout, callee), (fault.Kind, fault.GrainType));
        TestContext.Current.TestOutputHelper?.WriteLine($"injected: {fault}");
        await FailedWriteTests.AssertThePathsContract(callee, world, run, "503 cluster_unavailable", FaultContract.FirstCall[callee]);
        invariants.AssertNone();
    }

    private static async Task<PlatformStatistics> Statistics(FaultsPlatformFixture platform)
    {
        using var http = platform.Operator();
        var answer = await new PatientClient(http, new RetryLog()).Get("/api/v1/statistics");
        return answer.Read<PlatformStatistics>();
    }
}
