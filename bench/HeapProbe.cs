using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace GenomDE.Orleans.Bench;

/// <summary>The silo's managed heap after a full blocking collection, read from outside the process
/// over the runtime's diagnostics channel (as dotnet-gcdump does): RSS alone mixes live data with
/// garbage not yet collected and memory the GC keeps committed.</summary>
public static class HeapProbe
{
    /// <summary>Induces a full GC in process <paramref name="pid"/> and returns the bytes live in all
    /// generations afterwards, or null when the runtime did not answer within the timeout.</summary>
    public static async Task<long?> LiveBytesAfterFullGc(int pid, TimeSpan timeout)
    {
        var client = new DiagnosticsClient(pid);
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        using var session = client.StartEventPipeSession(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, keywords)], requestRundown: false);
        long? live = null;
        var collect = Task.Run(() =>
        {
            using var source = new EventPipeEventSource(session.EventStream);
            var fullGcRunning = false;
            source.Clr.GCStart += e => fullGcRunning |= e.Depth == 2;
            source.Clr.GCHeapStats += e =>
            {
                if (!fullGcRunning || live is not null)
                {
                    return; // the stats of a younger collection that happened to run first
                }

                live = e.GenerationSize0 + e.GenerationSize1 + e.GenerationSize2 + e.GenerationSize3 + e.GenerationSize4;
                session.Stop();
            };
            source.Process();
        });
        if (await Task.WhenAny(collect, Task.Delay(timeout)) != collect)
        {
            session.Stop();
        }

        return live;
    }
}
