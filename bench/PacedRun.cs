using System.Diagnostics;

namespace GenomDE.Orleans.Bench;

/// <summary>Open-loop load: lifecycles start at a fixed rate whether or not earlier ones finished,
/// as real participants would send them, so latency is measured at a known load instead of at
/// whatever rate a closed loop of workers settles to.</summary>
internal static class PacedRun
{
    /// <summary>At most this many lifecycles in flight; beyond it the platform is not keeping up
    /// and further starts are counted as skipped rather than queued without bound.</summary>
    public const int MaxInFlight = 512;

    public static async Task<(int Started, int Completed, int Failed, int Skipped, double Seconds)> Run(
        Lifecycle lifecycle, double perSecond, TimeSpan duration, Func<int, (string Provider, string CaseId)> target, CancellationToken ct)
    {
        var started = 0;
        var completed = 0;
        var failed = 0;
        var skipped = 0;
        var inFlight = 0;
        var running = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        var interval = TimeSpan.FromSeconds(1 / perSecond);
        for (var i = 0; Stopwatch.GetElapsedTime(start) < duration; i++)
        {
            var due = interval * i;
            var wait = due - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ct);
            }

            if (Volatile.Read(ref inFlight) >= MaxInFlight)
            {
                skipped++;
                continue;
            }

            var (provider, caseId) = target(i);
            started++;
            Interlocked.Increment(ref inFlight);
            running.Add(Task.Run(async () =>
            {
                try
                {
                    await lifecycle.Run(provider, caseId, ct);
                    Interlocked.Increment(ref completed);
                }
                catch (BenchFailureException)
                {
                    Interlocked.Increment(ref failed);
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                }
            }, ct));
        }

        await Task.WhenAll(running);
        return (started, completed, failed, skipped, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }
}
