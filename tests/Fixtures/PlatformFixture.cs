using System.Net;
using System.Net.Http.Headers;
using GenomDE.Orleans.ClientApi;
using GenomDE.Orleans.ClientApi.Auth;
using GenomDE.Orleans.GrainInterfaces.Common;
using GenomDE.Orleans.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;

namespace GenomDE.Orleans.Tests.Fixtures;

/// <summary>The production shape in one process: a two-silo test cluster, configured exactly like
/// the silo process, and the REST API as a separate Orleans client served by a real Kestrel on
/// loopback. One per test collection.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public const string SigningKey = "test-signing-key-0123456789-abcdefghijklmnop";

    private WebApplication? _api;

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public Uri BaseAddress { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket; // the API connects over real sockets, as in production
        builder.AddSiloBuilderConfigurator<TestSiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();

        _api = BuildApi(Cluster);
        await _api.StartAsync();
        var address = _api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    /// <summary>An HTTP client authenticated as <paramref name="role"/>/<paramref name="participantId"/>.</summary>
    public HttpClient Client(ParticipantRole role, string participantId)
    {
        var client = AnonymousClient();
        var token = _api!.Services.GetRequiredService<DevTokenIssuer>().Issue(new Caller(role, participantId));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Operator() => Client(ParticipantRole.Operator, "BfArM");

    public HttpClient AnonymousClient() => new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.StopAsync();
            await _api.DisposeAsync();
        }

        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private static WebApplication BuildApi(TestCluster cluster)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var settings = new Dictionary<string, string?>
        {
            ["Orleans:ClusterId"] = cluster.Options.ClusterId,
            ["Orleans:ServiceId"] = cluster.Options.ServiceId,
            ["Auth:SigningKey"] = SigningKey,
            ["Auth:DevTokens"] = "true",
        };
        var gateways = cluster.Silos.Select(s => s.GatewayAddress.Endpoint).OfType<IPEndPoint>().ToList();
        for (var i = 0; i < gateways.Count; i++)
        {
            settings[$"Orleans:Gateways:{i}"] = gateways[i].ToString();
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleansClient(client => ClientConfiguration.Configure(client, builder.Configuration));
        builder.AddGenomDeApi();
        var app = builder.Build();
        app.MapGenomDeApi();
        return app;
    }

    private sealed class TestSiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Platform:Seed"] = "true" })
                .Build();
            SiloConfiguration.ConfigureServices(siloBuilder, configuration);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollectionDefinition : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
