using System.Net;
using System.Net.Sockets;
using GenomDE.Orleans.ClientApi;
using GenomDE.Orleans.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace GenomDE.Orleans.Tests.Transport;

/// <summary>One silo with mutual TLS on, built by <see cref="SiloConfiguration"/> from configuration
/// exactly as the silo process does (localhost clustering on free ports), and the certificate files
/// the tests hand to clients and to a second silo: the cluster CA with two silo certificates and an
/// API certificate, and a rogue CA with its own client and silo certificates.</summary>
public sealed class MutualTlsFixture : IAsyncLifetime
{
    public const string ClusterId = "tls-tests";
    public const string ServiceId = "tls-tests";
    public const string RoguePassword = "rogue-pfx-password";

    private readonly string _folder = Directory.CreateTempSubdirectory("genomde-tls-").FullName;
    private IHost? _silo;

    public int SiloPort { get; } = FreePort();

    public int GatewayPort { get; } = FreePort();

    /// <summary>The silo's own view of the cluster's membership.</summary>
    public IClusterMembershipService Membership => _silo!.Services.GetRequiredService<IClusterMembershipService>();

    public string File(string name) => Path.Combine(_folder, name);

    public async ValueTask InitializeAsync()
    {
        using (var cluster = TestCertificateAuthority.Create("genomde-cluster-ca"))
        using (var silo = cluster.Issue("silo1", silo: true))
        using (var second = cluster.Issue("silo2", silo: true))
        using (var api = cluster.Issue("api", silo: false))
        {
            cluster.WriteCertificatePem(File("ca.pem"));
            TestCertificateAuthority.WritePem(silo, File("silo.pem"), File("silo.key"));
            TestCertificateAuthority.WritePem(second, File("silo2.pem"), File("silo2.key"));
            TestCertificateAuthority.WritePem(api, File("api.pem"), File("api.key"));
        }

        // Same names and usages as the real ones; only the issuer differs.
        using (var rogue = TestCertificateAuthority.Create("genomde-cluster-ca"))
        using (var client = rogue.Issue("api", silo: false))
        using (var silo = rogue.Issue("silo2", silo: true))
        {
            rogue.WriteCertificatePem(File("rogue-ca.pem"));
            TestCertificateAuthority.WritePfx(client, File("rogue-api.pfx"), RoguePassword);
            TestCertificateAuthority.WritePem(silo, File("rogue-silo.pem"), File("rogue-silo.key"));
        }

        var settings = new Dictionary<string, string?>
        {
            ["Orleans:SiloPort"] = SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:Tls:CertificatePath"] = File("silo.pem"),
            ["Orleans:Tls:KeyPath"] = File("silo.key"),
            ["Platform:Seed"] = "false",
        };
        var builder = NewHostBuilder(TlsSettings(settings));
        builder.UseOrleans(silo =>
        {
            SiloConfiguration.ConfigureClustering(silo, builder.Configuration);
            SiloConfiguration.ConfigureServices(silo, builder.Configuration);
        });
        _silo = builder.Build();
        await _silo.StartAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Cluster identity, TLS on and the cluster CA as the trust anchor, plus <paramref name="settings"/>.</summary>
    public Dictionary<string, string?> TlsSettings(Dictionary<string, string?> settings)
    {
        settings.TryAdd("Orleans:ClusterId", ClusterId);
        settings.TryAdd("Orleans:ServiceId", ServiceId);
        settings.TryAdd("Orleans:Tls:Enabled", "true");
        settings.TryAdd("Orleans:Tls:CaPath", File("ca.pem"));
        return settings;
    }

    /// <summary>A host without the defaults (no appsettings, environment or console logging), so
    /// only the settings given count.</summary>
    public static HostApplicationBuilder NewHostBuilder(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_silo is not null)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _silo.StopAsync(stop.Token);
            _silo.Dispose();
        }

        Directory.Delete(_folder, recursive: true);
    }
}
