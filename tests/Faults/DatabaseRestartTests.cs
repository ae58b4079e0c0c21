using GenomDE.Orleans.Tests.Faults.Lifecycles;

namespace GenomDE.Orleans.Tests.Faults;

/// <summary>Issue 11: the platform's PostgreSQL restarts ("fast": connections cut) in the middle
/// of a burst of lifecycles driven over HTTP.</summary>
[Collection(DatabaseRestartCollectionDefinition.Name)]
[Trait("Category", "Faults")]
public sealed class DatabaseRestartTests(FaultsPlatformFixture platform)
{
    [Fact]
    public async Task A_database_restart_during_a_burst_answers_503_meanwhile_and_every_case_agrees_afterwards()
    {
        var log = new RetryLog();
        var world = await FaultWorld.Create(platform, log);
        var burst = new Burst(world, count: 30, concurrency: 6);
        var restarted = false;

        var failures = await burst.Run(share: 0.2, async () =>
        {
            await platform.Database.StopServerAsync();
            await Task.Delay(TimeSpan.FromSeconds(3)); // long enough for every lifecycle in flight to meet it
            await platform.Database.StartServerAsync();
            restarted = true;
        });

        TestContext.Current.TestOutputHelper?.WriteLine($"failed attempts during the restart: {log}");
        Assert.True(restarted);
        Assert.Empty(failures);
        Assert.True(log.Failures.Keys.Any(k => k.StartsWith("503 ", StringComparison.Ordinal)), $"no request met the restart: {log}");
        Assert.True(log.Forbidden.Count == 0, $"answers other than 503 problem+json while the database was away:\n{string.Join('\n', log.Forbidden.Take(10))}");
        (await Invariants.Settled(world, burst.Runs, platform.Database.ConnectionString, async i => await (await i.CheckCases()).CheckFiguresOfAWholeDatabase(), TimeSpan.FromSeconds(60))).AssertNone();
    }
}
