using System.Diagnostics;
using System.Net;
using GenomDE.Orleans.ClientApi.Hosting;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.Tests.Cases;
using GenomDE.Orleans.Tests.Fixtures;
using GenomDE.Orleans.Tests.Submissions;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace GenomDE.Orleans.Tests.Telemetry;

/// <summary>One request is one trace: the HTTP server span, the grain calls it makes (API → silo →
/// grain to grain) and the PostgreSQL commands behind them, collected with the platform's own list
/// of sources. The listener sees every activity of this process (other collections run beside it),
/// so it samples this test's trace ID only.</summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class TraceTests(PostgresPlatformFixture platform)
{
    private static readonly ActivitySource TestSource = new("GenomDE.Tests.Telemetry");

    [Fact]
    public async Task A_genomic_submission_is_one_trace_from_the_http_request_through_the_grains_to_postgresql()
    {
        var scenario = await CaseScenario.Start(platform);
        var metadata = scenario.Metadata(MetadataDocument.WgsTumorGermline);
        var traceId = ActivityTraceId.CreateRandom();
        var spans = new List<Activity>();
        var serverSpan = new TaskCompletionSource<Activity>(TaskCreationOptions.RunContinuationsAsynchronously);
        Activity server;
        using (Sdk.CreateTracerProviderBuilder()
            .SetSampler(new OnlyTrace(traceId))
            .AddPlatformTracing()
            .AddSource(TestSource.Name)
            .AddInMemoryExporter(spans)
            .AddProcessor(new ServerSpanEnded(serverSpan))
            .Build())
        {
            using (TestSource.StartActivity("submit", ActivityKind.Internal, new ActivityContext(traceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded)))
            {
                await (await scenario.SubmitGenomic(metadata)).Read<SubmissionAnswer>(HttpStatusCode.Created);
            }

            // The server span ends just after the answer's last byte: wait for it, not for a time.
            server = await serverSpan.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        }

        // Disposed: the listener is gone and the list no longer grows.
        Assert.All(spans, s => Assert.Equal(traceId, s.TraceId));
        Assert.EndsWith("/genomic-submissions", server.GetTagItem("url.path") as string, StringComparison.Ordinal);
        Assert.Contains(spans, s => s.Source.Name == "Microsoft.Orleans.Application" && s.Kind == ActivityKind.Client);
        Assert.Contains(spans, s => s.Source.Name == "Microsoft.Orleans.Application" && s.Kind == ActivityKind.Server);
        Assert.Contains(spans, s => s.Source.Name == PlatformTelemetry.NpgsqlSource && s.GetTagItem("db.system.name") as string == "postgresql");

        // Every span below the request (the grains', storage's, the database's) leads up to the server span.
        var byId = spans.ToDictionary(s => s.SpanId);
        var aboveServer = Ancestors(server, byId).Select(s => s.SpanId).ToHashSet();
        foreach (var span in spans.Where(s => s.SpanId != server.SpanId && !aboveServer.Contains(s.SpanId)))
        {
            Assert.True(Ancestors(span, byId).Any(a => a.SpanId == server.SpanId),
                $"{span.Source.Name} '{span.DisplayName}' does not lead to the HTTP server span (parent {span.ParentSpanId}).");
        }
    }

    private static IEnumerable<Activity> Ancestors(Activity span, Dictionary<ActivitySpanId, Activity> byId)
    {
        for (var current = span; byId.TryGetValue(current.ParentSpanId, out var parent); current = parent)
        {
            yield return parent;
        }
    }

    /// <summary>Records this test's trace and nothing else of the process.</summary>
    private sealed class OnlyTrace(ActivityTraceId traceId) : Sampler
    {
        public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
            new(samplingParameters.TraceId == traceId ? SamplingDecision.RecordAndSample : SamplingDecision.Drop);
    }

    /// <summary>Added after the in-memory exporter, so the span is in the list when this fires.</summary>
    private sealed class ServerSpanEnded(TaskCompletionSource<Activity> ended) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data)
        {
            if (data.Kind == ActivityKind.Server && data.Source.Name == "Microsoft.AspNetCore")
            {
                ended.TrySetResult(data);
            }
        }
    }
}
