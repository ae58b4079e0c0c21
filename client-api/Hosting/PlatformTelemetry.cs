using System.Reflection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;

namespace GenomDE.Orleans.ClientApi.Hosting;

/// <summary>OpenTelemetry for operations, the same in the silo process and the stand-alone API:
/// traces (HTTP in, grain calls, storage, PostgreSQL commands, HTTP out) and logs go to an OTLP
/// collector when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; metrics go there too and,
/// with <c>Telemetry:PrometheusPort</c>, to a Prometheus scrape endpoint on that port only. With
/// neither, nothing is registered: no listener, no cost.</summary>
public static class PlatformTelemetry
{
    public const string MeterName = "GenomDE.Platform";
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string MetricsPath = "/metrics";

    /// <summary>Npgsql 10 traces its commands itself under this source (no extra package needed).</summary>
    public const string NpgsqlSource = "Npgsql";

    /// <summary>The activity sources of a trace besides ASP.NET Core's and HttpClient's: grain calls
    /// (application and runtime), activation and storage spans, database commands.</summary>
    public static readonly IReadOnlyList<string> TraceSources =
    [
        ActivitySources.ApplicationGrainActivitySourceName,
        ActivitySources.RuntimeActivitySourceName,
        ActivitySources.LifecycleActivitySourceName,
        ActivitySources.StorageActivitySourceName,
        NpgsqlSource,
        MeterName, // our own spans (grains' PlatformMetrics.Activities): webhook deliveries
    ];

    /// <summary>Orleans' meter, ours (silo side: grains' PlatformMetrics; host side: the case gauge) and Npgsql's.</summary>
    public static readonly IReadOnlyList<string> Meters = ["Microsoft.Orleans", MeterName, NpgsqlSource];

    public static WebApplicationBuilder AddPlatformTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = TelemetryOptions.Read(builder.Configuration);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]);
        if (!otlp && options.PrometheusPort is null)
        {
            return builder;
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<CaseStatusGauge>();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => Describe(r, named: !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"])))
            .WithMetrics(m =>
            {
                m.AddPlatformMeters();
                if (options.PrometheusPort is not null)
                {
                    m.AddPrometheusExporter();
                }
            });
        if (options.PrometheusPort is { } port)
        {
            builder.WebHost.UseUrls([.. ServerUrls(builder.WebHost), $"http://{options.PrometheusHost}:{port}"]);
        }

        if (otlp)
        {
            // Traces and logs have no other destination: without a collector they are not collected at all.
            var ownSampler = string.IsNullOrWhiteSpace(builder.Configuration["OTEL_TRACES_SAMPLER"]);
            telemetry.WithTracing(t =>
                {
                    t.AddPlatformTracing();
                    if (ownSampler)
                    {
                        t.SetSampler(new PlatformSampler());
                    }
                })
                .WithLogging(configureBuilder: null, configureOptions: o =>
                {
                    o.IncludeFormattedMessage = true;
                    o.IncludeScopes = true;
                })
                .UseOtlpExporter(); // endpoint, protocol, headers from the standard OTEL_EXPORTER_OTLP_* variables
        }

        return builder;
    }

    /// <summary>First in the pipeline: the scrape port answers <c>/metrics</c> and nothing else,
    /// before forwarded headers, rate limits, authentication and the audit trail (a scrape is none of
    /// their business, and the API is not served there).</summary>
    public static WebApplication UsePlatformTelemetry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<CaseStatusGauge>() is null)
        {
            return app; // telemetry is off
        }

        if (TelemetryOptions.Read(app.Configuration).PrometheusPort is { } port)
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(http => http.Connection.LocalPort == port && http.Request.Path == MetricsPath);
            app.Use((http, next) =>
            {
                if (http.Connection.LocalPort != port)
                {
                    return next(http);
                }

                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        }

        return app;
    }

    /// <summary>The platform's spans; the tests' in-memory tracer uses exactly this list.</summary>
    public static TracerProviderBuilder AddPlatformTracing(this TracerProviderBuilder tracing) =>
        tracing
            .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health") && http.Request.Path != MetricsPath)
            .AddHttpClientInstrumentation() // webhook deliveries, the issuer's metadata
            .AddSource([.. TraceSources]);

    public static MeterProviderBuilder AddPlatformMeters(this MeterProviderBuilder metrics) =>
        metrics
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter([.. Meters]);

    /// <summary>service.name is the process (GenomDE.Orleans.Silo or GenomDE.Orleans.ClientApi) unless
    /// OTEL_SERVICE_NAME says otherwise; OTEL_RESOURCE_ATTRIBUTES adds more.</summary>
    private static void Describe(ResourceBuilder resource, bool named)
    {
        if (!named)
        {
            var entry = Assembly.GetEntryAssembly() ?? typeof(PlatformTelemetry).Assembly;
            var version = entry.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? entry.GetName().Version?.ToString();
            resource.AddService(entry.GetName().Name ?? "GenomDE.Orleans", serviceNamespace: "genomde", serviceVersion: version);
        }
    }

    /// <summary>The addresses Kestrel would listen on anyway (urls, else http_ports/https_ports, else
    /// its default), so adding the scrape port does not replace them. Endpoints in <c>Kestrel:Endpoints</c>
    /// win over both: there, add the scrape port as an endpoint of its own.</summary>
    private static IEnumerable<string> ServerUrls(ConfigureWebHostBuilder web)
    {
        var split = StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries;
        if (web.GetSetting(WebHostDefaults.ServerUrlsKey) is { Length: > 0 } urls)
        {
            return urls.Split(';', split);
        }

        var ports = (web.GetSetting(WebHostDefaults.HttpPortsKey) ?? "").Split(';', split).Select(p => $"http://*:{p}")
            .Concat((web.GetSetting(WebHostDefaults.HttpsPortsKey) ?? "").Split(';', split).Select(p => $"https://*:{p}"))
            .ToList();
        return ports.Count > 0 ? ports : ["http://localhost:5000"];
    }
}
