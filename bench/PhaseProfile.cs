using System.Diagnostics;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;

namespace GenomDE.Orleans.Bench;

/// <summary>Lifecycles completed so far in a phase, read by whatever watches the phase.</summary>
internal sealed class PhaseCounter
{
    private int _completed;

    public int Completed => Volatile.Read(ref _completed);

    public void Add() => Interlocked.Increment(ref _completed);
}

/// <summary>The CPU profile of the silo over a window in the middle of the measured lifecycles:
/// the start and end of a phase are warm-up and drain, not its steady state.</summary>
internal sealed record PhaseProfile(string Path, double Seconds, double SiloCpuSeconds, int Lifecycles, double StartedAfter, string? Error)
{
    /// <summary>Waits until the window would be centred on the phase (its end estimated from the
    /// rate so far, bounded by the phase's time limit), then records. Null when the phase ended first.</summary>
    public static async Task<PhaseProfile?> InTheMiddle(int siloPid, TimeSpan window, int lifecycles, TimeSpan maxDuration, PhaseCounter counter, CancellationToken phaseOver)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), phaseOver);
                var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
                var done = counter.Completed;
                if (done == 0 || elapsed < 2)
                {
                    continue;
                }

                var end = Math.Min(maxDuration.TotalSeconds, elapsed * lifecycles / done);
                if (elapsed >= (end - window.TotalSeconds) / 2)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (phaseOver.IsCancellationRequested)
        {
            return null;
        }

        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"genomde-bench-silo-{siloPid}-{DateTime.Now:yyyyMMdd-HHmmss}.nettrace"));
        var startedAfter = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var cpu0 = ProcStats.CpuSeconds(siloPid);
        var completed0 = counter.Completed;
        try
        {
            var seconds = await CpuProfile.Record(siloPid, window, path, phaseOver);
            return new PhaseProfile(path, seconds, ProcStats.CpuSeconds(siloPid) - cpu0, counter.Completed - completed0, startedAfter, null);
        }
        catch (Exception e) when (e is ServerNotAvailableException or ServerErrorException or IOException or TimeoutException or UnsupportedCommandException)
        {
            return new PhaseProfile(path, 0, 0, 0, startedAfter, e.GetType().Name + ": " + e.Message);
        }
    }

    /// <summary>The summary lines: where the window lay, then <see cref="CpuProfile.Summarize"/>.</summary>
    public IEnumerable<string> Summary(int lifecyclesTotal, double phaseSeconds)
    {
        if (Error is not null)
        {
            return [$"CPU profile of the silo: failed ({Error})"];
        }

        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"CPU profile of the silo (EventPipe sample profiler, {Seconds:F1} s from {StartedAfter:F0} s into the {phaseSeconds:F0} s of measured lifecycles; {Lifecycles} lifecycles then = {Lifecycles / Math.Max(0.001, Seconds):F1}/s against {lifecyclesTotal / phaseSeconds:F1}/s over the phase: the sampler suspends the runtime every tick, so the phase's figures include its cost): {Path}"),
        };
        try
        {
            lines.AddRange(CpuProfile.Summarize(Path, Seconds, SiloCpuSeconds));
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or FormatException or EndOfStreamException or NotSupportedException)
        {
            lines.Add("  could not read the trace: " + e.GetType().Name + ": " + e.Message);
        }

        return lines;
    }
}
