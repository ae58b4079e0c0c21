using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using GenomDE.Orleans.ClientApi;
using GenomDE.Orleans.Grains.Cases;
using GenomDE.Orleans.Grains.Common;
using GenomDE.Orleans.Grains.Events;
using GenomDE.Orleans.Grains.Reporting;
using GenomDE.Orleans.Persistence;
using GenomDE.Orleans.Persistence.Storage;
using GenomDE.Orleans.Silo.Seeding;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;

namespace GenomDE.Orleans.Silo.Hosting;

/// <summary>One place that decides how a silo is built, used by the silo process and the tests.
/// Durable mode is on when <c>Orleans:ConnectionString</c> names a PostgreSQL database; without it
/// the silo runs the embedded default (localhost cluster, in-memory state).</summary>
public static class SiloConfiguration
{
    public const string ConnectionStringKey = "Orleans:ConnectionString";
    private const string Invariant = "Npgsql";

    /// <summary>The configured PostgreSQL connection string with our Npgsql tuning, or null.</summary>
    public static string? ConnectionString(IConfiguration configuration) =>
        configuration[ConnectionStringKey] is { Length: > 0 } raw ? OrleansConnectionString.Tune(raw) : null;

    public static bool IsEmbedded(IConfiguration configuration) =>
        (configuration.GetSection(PlatformOptions.Section).Get<PlatformOptions>()?.Mode ?? PlatformMode.Embedded) == PlatformMode.Embedded;

    public static bool SeedsOnStart(IConfiguration configuration) =>
        configuration.GetSection(PlatformOptions.Section).Get<PlatformOptions>()?.Seed ?? IsEmbedded(configuration);

    /// <summary>Storage, reminders, dashboard and seeding. Clustering is separate
    /// (<see cref="ConfigureClustering"/>) because the test cluster brings its own endpoints.</summary>
    public static void ConfigureServices(ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddSingleton(TimeProvider.System);
        silo.Services.AddTransient<OutboxRelay>();
        silo.Services.Configure<CaseOptions>(configuration.GetSection(PlatformOptions.Section));
        silo.Services.Configure<ReportingOptions>(configuration.GetSection(ReportingOptions.Section));
        if (ConnectionString(configuration) is { } connectionString)
        {
            silo.Services.Configure<GroupCommitOptions>(configuration.GetSection(GroupCommitOptions.Section));
            AddPlatformGrainStorage(silo, connectionString);
            silo.Services.Configure<SweeperOptions>(configuration.GetSection(SweeperOptions.Section));
            silo.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<OutboxSweeper>(sp, connectionString));
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
            });
        }
        else
        {
            silo.AddMemoryGrainStorage(StorageNames.Platform);
            UseStorageSerializer(silo); // the in-memory storage serialises every write as well
            silo.UseInMemoryReminderService();
        }

        EventsConfiguration.AddPlatformEvents(silo, configuration);
        AuditConfiguration.AddPlatformAudit(silo, configuration);
        silo.AddIncomingGrainCallFilter<FailedCallFilter>();
        silo.AddActivityPropagation(); // grain-to-grain calls stay in the caller's trace
        DatabaseExceptions.AllowOnTheWire(silo.Services);
        silo.AddDashboard(o => o.HideTrace = true);
        if (SeedsOnStart(configuration))
        {
            silo.AddStartupTask<PlatformSeeder>();
        }
    }

    /// <summary>The platform's durable grain storage: Orleans' ADO.NET provider on PostgreSQL with our
    /// SQL (read from OrleansQuery) and the System.Text.Json serializer for reads, and our group commit
    /// for writes (<see cref="GroupCommitGrainStorage"/>: concurrent writes share one round trip and one
    /// commit). Public so the benchmark's storage probe measures exactly this registration.</summary>
    /// <param name="connectionString">Already tuned (<see cref="ConnectionString"/> or
    /// <see cref="OrleansConnectionString.Tune"/>).</param>
    public static void AddPlatformGrainStorage(ISiloBuilder silo, string connectionString)
    {
        silo.AddAdoNetGrainStorage(StorageNames.Platform, o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        GroupCommitRegistration.AddGroupCommit(silo.Services, StorageNames.Platform, connectionString);

        UseStorageSerializer(silo);
    }

    /// <summary>JSON with enum names, in both modes: rows stay readable in psql and survive
    /// reordering an enum, and System.Text.Json costs a fraction of Orleans' Newtonsoft default.</summary>
    private static void UseStorageSerializer(ISiloBuilder silo)
    {
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.Services.Configure<SystemTextJsonGrainStorageSerializerOptions>(o => ConfigureStorageJson(o.JsonSerializerOptions));
    }

    /// <summary>Cluster identity, membership and transport: the PostgreSQL membership table when
    /// configured, else a single-machine localhost cluster; mutual TLS when <c>Orleans:Tls</c> is on.</summary>
    public static void ConfigureClustering(ISiloBuilder silo, IConfiguration configuration)
    {
        ConfigureTransport(silo, configuration);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = configuration["Orleans:ClusterId"] ?? ClusterDefaults.ClusterId;
            o.ServiceId = configuration["Orleans:ServiceId"] ?? ClusterDefaults.ServiceId;
        });
        var siloPort = configuration.GetValue("Orleans:SiloPort", ClusterDefaults.SiloPort);
        var gatewayPort = configuration.GetValue("Orleans:GatewayPort", ClusterDefaults.GatewayPort);
        if (ConnectionString(configuration) is { } connectionString)
        {
            UseMembershipTable(silo, connectionString);

            // The address other silos and clients dial; default: this host's first address.
            var listenOnAny = configuration.GetValue("Orleans:ListenOnAnyHostAddress", false);
            if (configuration["Orleans:AdvertisedIPAddress"] is { Length: > 0 } advertised)
            {
                silo.ConfigureEndpoints(IPAddress.Parse(advertised), siloPort, gatewayPort, listenOnAny);
            }
            else
            {
                silo.ConfigureEndpoints(siloPort, gatewayPort, listenOnAnyHostAddress: listenOnAny);
            }
        }
        else
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort);
        }
    }

    /// <summary>Mutual TLS on the silo port and the gateway port, inbound and outbound, when
    /// <c>Orleans:Tls:Enabled</c>: only peers with a certificate of the cluster CA get in; a process that
    /// merely reaches port 30000 can no longer call grains with any <c>Caller</c> it likes. Off (plain
    /// TCP) by default, as the embedded platform talks to itself only.</summary>
    public static void ConfigureTransport(ISiloBuilder silo, IConfiguration configuration)
    {
        if (ClusterTls.Read(configuration) is { } tls)
        {
            silo.UseTls(o => ClusterTls.Configure(o, tls));
        }
    }

    public static void UseMembershipTable(ISiloBuilder silo, string connectionString) =>
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });

    /// <summary>Enums by name; and no computed properties (<c>SubmissionView.Failed</c>,
    /// <c>GenomicProfile.Index</c>, a copy of a donor): reading never sets them, so storing them only
    /// makes every write longer. Rows that hold them still read.</summary>
    public static void ConfigureStorageJson(JsonSerializerOptions json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.Converters.Add(new JsonStringEnumConverter());
        json.TypeInfoResolver = (json.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(SkipComputedProperties);
    }

    private static void SkipComputedProperties(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in type.Properties.Where(p => p.Set is null && p.AssociatedParameter is null
            && (p.ObjectCreationHandling ?? type.PreferredPropertyObjectCreationHandling) != JsonObjectCreationHandling.Populate).ToList())
        {
            type.Properties.Remove(property);
        }
    }
}
