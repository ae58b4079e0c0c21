using System.Diagnostics;
using GenomDE.Orleans.ClientApi.Hosting;
using OpenTelemetry.Trace;

namespace GenomDE.Orleans.Tests.Telemetry;

/// <summary>Traces start at requests and at our own background work, never at the runtime's housekeeping.</summary>
public sealed class PlatformSamplerTests
{
    private static readonly PlatformSampler Sampler = new();

    [Theory]
    [InlineData("Microsoft.AspNetCore.Hosting.HttpRequestIn", ActivityKind.Server, true)]
    [InlineData("genomde.webhook.deliver", ActivityKind.Internal, true)]
    [InlineData("IMemoryStreamQueueGrain/Dequeue", ActivityKind.Client, false)]
    [InlineData("IGrainTimerInvoker/InvokeCallbackAsync", ActivityKind.Server, false)]
    [InlineData("postgresql", ActivityKind.Client, false)]
    public void A_root_span_starts_a_trace_only_for_a_request_or_our_own_work(string name, ActivityKind kind, bool sampled) =>
        Assert.Equal(sampled ? SamplingDecision.RecordAndSample : SamplingDecision.Drop, Decide(default, name, kind));

    [Theory]
    [InlineData(ActivityTraceFlags.Recorded, SamplingDecision.RecordAndSample)]
    [InlineData(ActivityTraceFlags.None, SamplingDecision.Drop)]
    public void A_child_span_follows_its_parent(ActivityTraceFlags parentFlags, SamplingDecision expected)
    {
        var parent = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), parentFlags);
        Assert.Equal(expected, Decide(parent, "IGrainTimerInvoker/InvokeCallbackAsync", ActivityKind.Client));
    }

    private static SamplingDecision Decide(ActivityContext parent, string name, ActivityKind kind) =>
        Sampler.ShouldSample(new SamplingParameters(parent, parent == default ? ActivityTraceId.CreateRandom() : parent.TraceId, name, kind)).Decision;
}
