using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GenomDE.Orleans.Grains.Common;

/// <summary>The silo side of the platform's own meter: what only grains see (deliveries, the event
/// log's consumers). Static like Orleans' own instruments: one silo per process in production, and a
/// meter that is not listened to costs nothing. The hosts export it by <see cref="MeterName"/>.</summary>
public static class PlatformMetrics
{
    /// <summary>Shared with the hosts' case gauge (client-api Hosting/PlatformTelemetry).</summary>
    public const string MeterName = "GenomDE.Platform";

    private static readonly Meter Meter = new(MeterName, typeof(PlatformMetrics).Assembly.GetName().Version?.ToString());

    /// <summary>Spans of our own background work (named <c>genomde.*</c>), so it can start a trace
    /// where no request does: a webhook delivery attempt and the HTTP call inside it.</summary>
    public static readonly ActivitySource Activities = new(MeterName);

    /// <summary>Attempts that got no 2xx, by the answer's status code or <c>no_response</c>
    /// (refused, timed out, blocked address); each retry counts again.</summary>
    public static readonly Counter<long> WebhookDeliveryFailures = Meter.CreateCounter<long>(
        "genomde.webhook.delivery.failures", "{attempt}", "Webhook delivery attempts that failed (no 2xx answer).");

    /// <summary>How old each event was when the reporting projection applied it: how far statistics
    /// and quarterly reports trail the log.</summary>
    public static readonly Histogram<double> ProjectionLag = Meter.CreateHistogram(
        "genomde.events.projection.lag", "s", "Age of an event when the reporting projection applied it.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600] });

    /// <summary>Outbox flushes that failed and were left to the relay's retry timer: events stored
    /// but not yet in the log, so not yet seen by feeds, webhooks and reporting.</summary>
    public static readonly Counter<long> OutboxFlushFailures = Meter.CreateCounter<long>(
        "genomde.events.outbox.flush.failures", "{flush}", "Outbox flushes that failed and wait for a retry (events not yet in the event log).");
}
