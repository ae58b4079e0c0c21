using System.Net;
using System.Net.Http.Headers;
using GenomDE.Orleans.ClientApi;
using GenomDE.Orleans.ClientApi.Auth;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Silo.Hosting;
using GenomDE.Orleans.Tests.Fixtures.Contract;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace GenomDE.Orleans.Tests.Fixtures;

/// <summary>The production shape in one process: a two-silo test cluster, configured exactly like
/// the silo process, and the REST API as a separate Orleans client served by a real Kestrel on
/// loopback. One per test collection. This one runs the embedded default (in-memory state);
/// <see cref="PostgresPlatformFixture"/> runs the same on PostgreSQL.</summary>
public class PlatformFixture : IAsyncLifetime
{
    private WebApplication? _api;

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Settings both the silos and the API host see (e.g. the PostgreSQL connection string).</summary>
    protected Dictionary<string, string?> Settings { get; } = new()
    {
        ["Platform:Seed"] = "true",

        // Webhook tests deliver to a receiver on loopback and watch retries within seconds.
        ["Webhooks:AllowLoopback"] = "true",
        ["Webhooks:FirstRetryDelay"] = "00:00:00.200",
        ["Webhooks:MaxRetryDelay"] = "00:00:01",
        ["Webhooks:PollInterval"] = "00:00:10",
        ["Webhooks:DisableAfter"] = "00:00:15",

        // The reporting projector looks at the log often, notification or not: the fault tests arm a
        // fault for its next write only while one lifecycle runs (about 2 s).
        ["Reporting:PollInterval"] = "00:00:00.200",
    };

    public virtual async ValueTask InitializeAsync()
    {
        await StartClusterAsync();
        await StartApiAsync();
    }

    /// <summary>Starts a fresh two-silo cluster with <see cref="Settings"/>; the service ID stays the
    /// same across restarts so a new cluster finds the previous one's state.</summary>
    protected async Task StartClusterAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket; // the API connects over real sockets, as in production
        builder.Options.ServiceId = "genomde-tests";
        builder.Options.UseTestClusterMembership = !Settings.ContainsKey(SiloConfiguration.ConnectionStringKey);
        foreach (var (key, value) in Settings)
        {
            builder.Properties[key] = value;
        }

        builder.AddSiloBuilderConfigurator<TestSiloConfigurator>();
        builder.AddClientBuilderConfigurator<TestClientConfigurator>();
        ConfigureCluster(builder);
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>Lets a derived fixture add silo configurators that run after the platform's own
    /// (e.g. fault injection wrapping the storage the platform registered).</summary>
    protected virtual void ConfigureCluster(TestClusterBuilder builder)
    {
    }

    protected async Task StartApiAsync()
    {
        _api = BuildApi(Cluster, Settings);
        await _api.StartAsync();
        var address = _api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    /// <summary>A second API host on the same cluster with its own settings (e.g. an external issuer); the caller disposes it.</summary>
    public async Task<(WebApplication Api, Uri BaseAddress)> StartApiAsync(IReadOnlyDictionary<string, string?> extra)
    {
        var api = BuildApi(Cluster, Settings, extra);
        await api.StartAsync();
        return (api, new Uri(api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
    }

    protected async Task StopApiAsync()
    {
        if (_api is not null)
        {
            await _api.StopAsync();
            await _api.DisposeAsync();
            _api = null;
        }
    }

    /// <summary>The API's embedded issuer (its URL, signing key and client secrets).</summary>
    public EmbeddedIssuer Issuer => _api!.Services.GetRequiredService<EmbeddedIssuer>();

    /// <summary>An HTTP client authenticated as <paramref name="role"/>/<paramref name="participantId"/>,
    /// with a token signed by the embedded issuer's key, whether or not the participant is registered
    /// (the rules must hold for such tokens too). <see cref="ClientWithCredentials"/> takes the real way.</summary>
    public HttpClient Client(ParticipantRole role, string participantId)
    {
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Issue(Issuer, new Caller(role, participantId)));
        return client;
    }

    /// <summary>An HTTP client that got its token at the issuer's token endpoint with the client's credentials.</summary>
    public async Task<HttpClient> ClientWithCredentials(string clientId, string clientSecret)
    {
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TestTokens.Fetch(client, clientId, clientSecret));
        return client;
    }

    public HttpClient Operator() => Client(ParticipantRole.Operator, "BfArM");

    /// <summary>Every answer this client gets is checked against the OpenAPI document (<see cref="ContractCheckingHandler"/>).</summary>
    public HttpClient AnonymousClient() => new(new ContractCheckingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })) { BaseAddress = BaseAddress };

    public virtual async ValueTask DisposeAsync()
    {
        await StopApiAsync();
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>An API host on a free loopback port; the embedded issuer's URL is that port's.</summary>
    protected static WebApplication BuildApi(TestCluster cluster, Dictionary<string, string?> clusterSettings, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        var url = $"http://127.0.0.1:{FreePort()}";
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var settings = new Dictionary<string, string?>
        {
            ["Orleans:ClusterId"] = cluster.Options.ClusterId,
            ["Orleans:ServiceId"] = cluster.Options.ServiceId,
            ["Auth:Embedded:Issuer"] = url + "/",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        if (clusterSettings.GetValueOrDefault(SiloConfiguration.ConnectionStringKey) is { } connectionString)
        {
            settings[SiloConfiguration.ConnectionStringKey] = connectionString; // gateways from the membership table
        }
        else
        {
            var gateways = cluster.Silos.Select(s => s.GatewayAddress.Endpoint).OfType<IPEndPoint>().ToList();
            for (var i = 0; i < gateways.Count; i++)
            {
                settings[$"Orleans:Gateways:{i}"] = gateways[i].ToString();
            }
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleansClient(client => ClientConfiguration.Configure(client, builder.Configuration));
        builder.AddGenomDeApi();
        var app = builder.Build();
        app.MapGenomDeApi();
        return app;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The test cluster's own client finds the gateways where the API does.</summary>
    private sealed class TestClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
        {
            if (configuration[SiloConfiguration.ConnectionStringKey] is { Length: > 0 } connectionString)
            {
                clientBuilder.UseAdoNetClustering(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = connectionString;
                });
            }
        }
    }

    /// <summary>The silo process's own configuration; only the endpoints come from the test cluster.</summary>
    private sealed class TestSiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            // Declare a killed silo dead within seconds instead of the production minute.
            siloBuilder.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
            });
            siloBuilder.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1)); // deadlines of seconds in tests
            SiloConfiguration.ConfigureServices(siloBuilder, siloBuilder.Configuration);
            siloBuilder.AddIncomingGrainCallFilter<CallCounter>(); // counts only chains a test tagged
            if (SiloConfiguration.ConnectionString(siloBuilder.Configuration) is { } connectionString)
            {
                SiloConfiguration.UseMembershipTable(siloBuilder, connectionString);
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollectionDefinition : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
