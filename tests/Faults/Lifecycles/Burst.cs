namespace GenomDE.Orleans.Tests.Faults.Lifecycles;

/// <summary>Many lifecycles of one world at a bounded concurrency, with a hook when a given share
/// of them has finished (to pull the rug: restart the database, kill a silo). Every
/// <see cref="OpenEvery"/>th lifecycle stops after basic QC, so open submissions stay in the inboxes.</summary>
public sealed class Burst(FaultWorld world, int count, int concurrency)
{
    public const int OpenEvery = 10;

    private int _finished;

    public IReadOnlyList<LifecycleRun> Runs { get; } = [.. Enumerable.Range(0, count).Select(_ => new LifecycleRun(world))];

    /// <summary>Runs all lifecycles; <paramref name="midway"/> starts once <paramref name="share"/> of them finished
    /// and runs alongside the rest. Failures of single lifecycles are collected, not thrown, so the invariants
    /// can still be checked and reported.</summary>
    public async Task<IReadOnlyList<string>> Run(double share, Func<Task> midway)
    {
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var trigger = (int)Math.Ceiling(count * share);
        Task? pulled = null;
        using var gate = new SemaphoreSlim(concurrency);
        await Task.WhenAll(Runs.Select(async (run, i) =>
        {
            await gate.WaitAsync();
            try
            {
                await run.Run(i % OpenEvery == OpenEvery - 1 ? LifecycleRun.Stop.AfterQc : LifecycleRun.Stop.Reimbursed);
            }
            catch (Exception e)
            {
                failures.Enqueue($"{run.CaseKey}: {e.Message.Split('\n')[0]}");
            }
            finally
            {
                gate.Release();
                if (Interlocked.Increment(ref _finished) == trigger)
                {
                    pulled = Task.Run(midway);
                }
            }
        }));
        if (pulled is not null)
        {
            await pulled;
        }

        return [.. failures];
    }
}
