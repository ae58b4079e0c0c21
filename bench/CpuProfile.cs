using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace GenomDE.Orleans.Bench;

/// <summary>A CPU profile of the silo over one window, taken from outside the process over the
/// runtime's diagnostics channel as <c>dotnet-trace</c> does: EventPipe's sample profiler (every
/// managed thread's stack about once a millisecond) plus the rundown that names the methods, saved
/// as a .nettrace file (PerfView, speedscope via <c>dotnet-trace convert</c>) and summarised here.</summary>
internal static class CpuProfile
{
    private const string SampleProfiler = "Microsoft-DotNETCore-SampleProfiler";

    /// <summary>Top frames of threads that wait rather than work (idle pool workers, including the
    /// spin before they block, the socket engine's epoll loop, timers, sleeps). The sampler samples
    /// every thread, busy or not, and reports a thread blocked in native code like one doing native
    /// work (GC, JIT, syscalls), so the top frame is what tells them apart.</summary>
    private static readonly string[] WaitFrames =
    [
        "LowLevelLifoSemaphore.Wait", "LowLevelMonitor.Wait", "WaitHandle.Wait", "Monitor.Wait", "Thread.Sleep", "Thread.Join",
        "WaitForSocketEvents", "ManualResetEventSlim.Wait", "SemaphoreSlim.Wait", "Interop+Sys.Poll", "Interop+Sys.Read",
        "Interop+Sys.WaitPid", "WaitSubsystem", "Interop+Sys.LowLevelMonitor", "PortableThreadPool+WorkerThread.WorkerThreadStart",
        "SocketAsyncEngine.EventLoop",
    ];

    /// <summary>Samples the silo until <paramref name="window"/> passed or <paramref name="phaseOver"/>
    /// fired, then stops the session (the runtime appends the rundown) and returns the seconds recorded.</summary>
    public static async Task<double> Record(int pid, TimeSpan window, string path, CancellationToken phaseOver)
    {
        var client = new DiagnosticsClient(pid);
        EventPipeProvider[] providers =
        [
            new(SampleProfiler, EventLevel.Informational),
            // Method loads while recording (tiered JIT replaces code during a run); rundown names the rest.
            new("Microsoft-Windows-DotNETRuntime", EventLevel.Verbose, (long)(ClrTraceEventParser.Keywords.Jit | ClrTraceEventParser.Keywords.Loader)),
        ];
        using var session = client.StartEventPipeSession(providers, requestRundown: true, circularBufferMB: 256);
        var start = Stopwatch.GetTimestamp();
        await using var file = File.Create(path);
        var copy = session.EventStream.CopyToAsync(file, CancellationToken.None);
        try
        {
            await Task.Delay(window, phaseOver);
        }
        catch (OperationCanceledException) when (phaseOver.IsCancellationRequested)
        {
            // The lifecycles ended first: a shorter window, still of the phase.
        }

        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        await session.StopAsync(CancellationToken.None);
        await copy;
        return seconds;
    }

    /// <summary>Top frames by exclusive and inclusive samples of threads that work (not waiting), and
    /// what the waiting ones wait in.</summary>
    /// <param name="seconds">The window recorded; null = the trace's own duration.</param>
    /// <param name="siloCpuSeconds">The silo's CPU time over the window from /proc, to compare with; null = unknown.</param>
    public static List<string> Summarize(string path, double? seconds, double? siloCpuSeconds, int top = 15)
    {
        var started = Stopwatch.GetTimestamp();
        var etlx = TraceLog.CreateFromEventPipeDataFile(path);
        var exclusive = new Dictionary<string, long>(StringComparer.Ordinal);
        var inclusive = new Dictionary<string, long>(StringComparer.Ordinal);
        var waits = new Dictionary<string, long>(StringComparer.Ordinal);
        var perThread = new Dictionary<int, long>();
        long managed = 0, native = 0, waiting = 0, total = 0;
        try
        {
            using var log = new TraceLog(etlx);
            seconds ??= log.SessionDuration.TotalSeconds;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var e in log.Events)
            {
                if (!string.Equals(e.ProviderName, SampleProfiler, StringComparison.Ordinal) || e.EventDataLength < 4)
                {
                    continue;
                }

                total++;
                perThread[e.ThreadID] = perThread.GetValueOrDefault(e.ThreadID) + 1;
                var frames = Frames(e.CallStack());
                var leaf = frames.Count > 0 ? frames[0] : "[no named managed frame]";
                if (IsWait(leaf))
                {
                    waiting++;
                    waits[leaf] = waits.GetValueOrDefault(leaf) + 1;
                    continue;
                }

                // Payload: 2 = the thread was running managed code; 1 = it was in native code (the
                // runtime's GC or JIT, a syscall, or a wait not named in WaitFrames).
                var inManagedCode = BitConverter.ToInt32(e.EventData(), 0) == 2;
                if (inManagedCode)
                {
                    managed++;
                }
                else
                {
                    native++;
                }

                var key = inManagedCode ? leaf : leaf + "  [native code below]";
                exclusive[key] = exclusive.GetValueOrDefault(key) + 1;
                seen.Clear();
                foreach (var frame in frames.Where(f => !IsPlumbing(f)))
                {
                    if (seen.Add(frame))
                    {
                        inclusive[frame] = inclusive.GetValueOrDefault(frame) + 1;
                    }
                }
            }
        }
        finally
        {
            File.Delete(etlx);
        }

        static string Share(long part, long whole) => string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / Math.Max(1, whole),5:F1} %");

        // The sampler walks every managed thread once per tick; the most-sampled thread's count is the ticks.
        var ticks = perThread.Count == 0 ? 0 : perThread.Values.Max();
        var period = ticks == 0 ? 0 : seconds!.Value / ticks;
        var cpu = siloCpuSeconds is { } c ? string.Create(CultureInfo.InvariantCulture, $"; the silo used {c:F1} CPU-s by /proc") : "";
        var working = managed + native;
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"  {total} samples of {perThread.Count} threads in {seconds:F1} s ({ticks} ticks, one per {period * 1000:F2} ms{cpu}); summarised in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s"),
            string.Create(CultureInfo.InvariantCulture,
                $"  waiting {Share(waiting, total)} of samples (top frame a known wait, incl. the thread pool's spin before it blocks); working {Share(working, total)}: in managed code {Share(managed, total)}, in native code {Share(native, total)} (syscalls, or a wait not recognised: see the exclusive table). Thread time, not CPU time: a working sample is a thread not blocked (running, or waiting for a core); GC, JIT and the sampler's own suspensions run on threads it does not walk"),
            $"  top {top} frames by exclusive samples (the method on top of the managed stack), % of working samples:",
        };
        lines.AddRange(exclusive.OrderByDescending(p => p.Value).Take(top).Select(p => $"    {Share(p.Value, working)}  {p.Key}"));
        lines.Add($"  top {top} frames by inclusive samples (anywhere on the stack; thread-pool, task and async-builder plumbing left out), % of working samples:");
        lines.AddRange(inclusive.OrderByDescending(p => p.Value).Take(top).Select(p => $"    {Share(p.Value, working)}  {p.Key}"));
        lines.Add("  where the waiting samples wait, % of all samples:");
        lines.AddRange(waits.OrderByDescending(p => p.Value).Take(6).Select(p => $"    {Share(p.Value, total)}  {p.Key}"));
        return lines;
    }

    /// <summary>Frames on nearly every stack that say nothing about the work: thread starts, the
    /// thread pool's dispatch loop, task continuations and async state-machine starts.</summary>
    private static bool IsPlumbing(string frame) =>
        frame.StartsWith("System.Threading.", StringComparison.Ordinal)
        || frame.StartsWith("System.Runtime.CompilerServices.Async", StringComparison.Ordinal)
        || frame.StartsWith("System.Runtime.CompilerServices.TaskAwaiter", StringComparison.Ordinal);

    private static bool IsWait(string frame) => WaitFrames.Any(w => frame.Contains(w, StringComparison.Ordinal));

    /// <summary>Method names from the top of the stack down, without argument lists, without frames
    /// the trace does not name (P/Invoke and other stubs: the named frame below says what they do)
    /// and without the runtime's GC poll (where a thread running managed code stops for the
    /// sampler's suspension: the work is its caller's).</summary>
    private static List<string> Frames(TraceCallStack? stack)
    {
        var frames = new List<string>();
        for (var f = stack; f is not null; f = f.Caller)
        {
            var name = f.CodeAddress.FullMethodName;
            if (string.IsNullOrEmpty(name) || (frames.Count == 0 && name.Contains("<PollGC>", StringComparison.Ordinal)))
            {
                continue;
            }

            if (name.IndexOf('(', StringComparison.Ordinal) is > 0 and var paren)
            {
                name = name[..paren];
            }

            frames.Add(name.Length > 140 ? name[..140] : name);
        }

        return frames;
    }
}
