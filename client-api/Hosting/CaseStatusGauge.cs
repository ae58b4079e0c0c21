using System.Diagnostics.Metrics;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Reporting;

namespace GenomDE.Orleans.ClientApi.Hosting;

/// <summary><c>genomde.cases</c>: cases by status, from the operator's statistics (the reporting
/// projection's counters). A scrape asks the statistics grain at most once per
/// <see cref="TelemetryOptions.CaseStatusCacheFor"/>, however many scrapers and exporters collect;
/// the callback waits briefly for a fresh answer and reports nothing when the cluster does not answer
/// (an absent series, not a stale one).</summary>
public sealed class CaseStatusGauge
{
    /// <summary>The statistics are the operator's; the metrics reader asks as the platform itself.</summary>
    private static readonly Caller Reader = new(ParticipantRole.Operator, "platform-metrics");

    private static readonly TimeSpan WaitForAnswer = TimeSpan.FromSeconds(2);

    private readonly ShortLivedAnswer<PlatformStatistics?> _statistics;

    public CaseStatusGauge(IMeterFactory meters, IGrainFactory grains, TimeProvider clock, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(options);
        _statistics = new ShortLivedAnswer<PlatformStatistics?>(async () => (await grains.GetGrain<IStatisticsGrain>(0).Get(Reader)).Value, clock, options.CaseStatusCacheFor);
        meters.Create(PlatformTelemetry.MeterName).CreateObservableGauge(
            "genomde.cases", Observe, "{case}", "Cases by status (test submissions excluded), from the reporting projection.");
    }

    /// <summary>How often the cluster was asked (tests).</summary>
    public long ClusterCalls => _statistics.Asked;

    private IEnumerable<Measurement<long>> Observe()
    {
        var asking = _statistics.Get();
        try
        {
            // A collection callback is synchronous: wait a little rather than report last scrape's figures as new.
            if (!asking.Wait(WaitForAnswer) || asking.Result is not { } statistics)
            {
                return [];
            }

            return [.. statistics.CasesByStatus.Select(s => new Measurement<long>(s.Value, new KeyValuePair<string, object?>("status", s.Key)))];
        }
        catch (AggregateException)
        {
            return []; // the cluster failed to answer; the next scrape asks again
        }
    }
}
