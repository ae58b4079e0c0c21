namespace GenomDE.Orleans.ClientApi.Hosting;

/// <summary>Section <c>Telemetry</c>. The OTLP exporter is configured by the standard
/// <c>OTEL_*</c> variables instead (see <see cref="PlatformTelemetry"/>).</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Serves the Prometheus scrape endpoint (<c>/metrics</c>) on this port only; unset = no endpoint.</summary>
    public int? PrometheusPort { get; set; }

    /// <summary>Where the scrape port listens: loopback unless a scraper elsewhere needs it
    /// (e.g. <c>+</c> inside a container network).</summary>
    public string PrometheusHost { get; set; } = "127.0.0.1";

    /// <summary>How long one answer of the statistics grain serves the case gauge.</summary>
    public TimeSpan CaseStatusCacheFor { get; set; } = TimeSpan.FromSeconds(10);

    public static TelemetryOptions Read(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
}
