using System.Diagnostics;
using OpenTelemetry.Trace;

namespace GenomDE.Orleans.ClientApi.Hosting;

/// <summary>Which traces start: an incoming HTTP request, or a unit of our own background work
/// (a span named <c>genomde.*</c>, e.g. a webhook delivery); everything inside them follows its
/// parent. The roots of the runtime's own housekeeping (stream queue polls, grain timers, membership
/// and the database commands behind them) are not traced: on an idle cluster they would be nearly
/// every span. <c>OTEL_TRACES_SAMPLER</c>, when set, replaces this policy.</summary>
public sealed class PlatformSampler : Sampler
{
    public const string OwnSpanPrefix = "genomde.";

    /// <summary>The operation name ASP.NET Core gives the server span of a request.</summary>
    private const string HttpRequestIn = "Microsoft.AspNetCore.Hosting.HttpRequestIn";

    private readonly Sampler _policy = new ParentBasedSampler(new RootSampler());

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) => _policy.ShouldSample(samplingParameters);

    private sealed class RootSampler : Sampler
    {
        public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
            new(samplingParameters.Kind == ActivityKind.Server && samplingParameters.Name == HttpRequestIn
                || samplingParameters.Name.StartsWith(OwnSpanPrefix, StringComparison.Ordinal)
                ? SamplingDecision.RecordAndSample
                : SamplingDecision.Drop);
    }
}
