using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GenomDE.Orleans.ClientApi;
using GenomDE.Orleans.GrainInterfaces.Nodes;
using GenomDE.Orleans.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Connections.Security;
using Orleans.Runtime.Messaging;

namespace GenomDE.Orleans.Tests.Transport;

/// <summary>With <c>Orleans:Tls</c> on, only holders of a certificate of the cluster CA reach the
/// gateway or join the cluster: a client with one calls a grain; a plain-TCP client, a TLS client
/// without a certificate and a client whose certificate comes from another CA are refused; a second
/// silo joins with a certificate of the cluster CA and never becomes a member with another CA's.</summary>
public sealed class MutualTlsTests(MutualTlsFixture cluster) : IClassFixture<MutualTlsFixture>
{
    /// <summary>Long enough for a refused handshake to surface, short enough to keep the class fast
    /// (a refused client fails in well under a second here).</summary>
    private static readonly TimeSpan RefusalBound = TimeSpan.FromSeconds(15);

    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    /// <summary>A second silo with a good certificate joins within about two seconds here.</summary>
    private static readonly TimeSpan SiloJoinBound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_client_with_a_certificate_of_the_cluster_CA_calls_a_grain()
    {
        using var client = await StartClient(cluster.TlsSettings(new()
        {
            ["Orleans:Tls:CertificatePath"] = cluster.File("api.pem"),
            ["Orleans:Tls:KeyPath"] = cluster.File("api.key"),
        }));

        var nodes = await client.Services.GetRequiredService<IClusterClient>()
            .GetGrain<INodeDirectoryGrain>(INodeDirectoryGrain.Key).List();

        Assert.NotNull(nodes);
        await client.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void TLS_switched_on_without_certificate_or_CA_refuses_to_start()
    {
        // A process meant to be in a closed cluster must not quietly run open.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:Tls:Enabled"] = "true",
            ["Orleans:Tls:CaPath"] = cluster.File("ca.pem"),
        }).Build();

        var refusal = Assert.Throws<InvalidOperationException>(() => ClusterTls.Read(configuration));
        Assert.Contains("Orleans:Tls:CertificatePath", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("silo.pem", ServerAuthentication, true)]
    [InlineData("silo.pem", ClientAuthentication, true)]
    [InlineData("api.pem", ClientAuthentication, true)]
    [InlineData("api.pem", ServerAuthentication, false)] // the API's certificate cannot pose as a silo
    [InlineData("rogue-silo.pem", ServerAuthentication, false)]
    [InlineData("rogue-silo.pem", ClientAuthentication, false)]
    public void A_peer_certificate_is_checked_against_the_cluster_CA_and_the_usage_SslStream_asks_for(string file, string usage, bool accepted)
    {
        var authorities = ClusterTls.LoadAuthorities(cluster.File("ca.pem"));
        using var certificate = X509Certificate2.CreateFromPem(System.IO.File.ReadAllText(cluster.File(file)));

        // SslStream hands over a chain whose policy names the usage it wants of the peer.
        using var chain = new X509Chain();
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(usage));

        Assert.Equal(accepted, ClusterTls.IssuedByCluster(certificate, chain, authorities));
    }

    [Fact]
    public async Task A_plain_TCP_client_cannot_connect()
    {
        // The client every process could build before: no TLS, no certificate.
        await AssertRefused(new Dictionary<string, string?>
        {
            ["Orleans:ClusterId"] = MutualTlsFixture.ClusterId,
            ["Orleans:ServiceId"] = MutualTlsFixture.ServiceId,
        });
    }

    [Fact]
    public async Task A_TLS_client_without_a_certificate_cannot_connect()
    {
        // Speaks TLS and would accept any silo, but has no certificate to show.
        await AssertRefused(
            new Dictionary<string, string?>
            {
                ["Orleans:ClusterId"] = MutualTlsFixture.ClusterId,
                ["Orleans:ServiceId"] = MutualTlsFixture.ServiceId,
            },
            client => client.UseTls(o =>
            {
                o.ClientCertificateMode = RemoteCertificateMode.AllowCertificate;
                o.AllowAnyRemoteCertificate();
            }));
    }

    [Fact]
    public async Task A_client_with_a_certificate_of_another_CA_cannot_connect()
    {
        // It trusts the cluster CA, so the silo's certificate is fine for it: only the silo's
        // refusal of its certificate can stop it.
        await AssertRefused(cluster.TlsSettings(new()
        {
            ["Orleans:Tls:CertificatePath"] = cluster.File("rogue-api.pfx"),
            ["Orleans:Tls:CertificatePassword"] = MutualTlsFixture.RoguePassword,
        }));
    }

    [Fact]
    public async Task A_silo_with_a_certificate_of_the_cluster_CA_joins()
    {
        // The control for the next test: the same second silo, only with the right certificate.
        var (silo, port, start) = await StartSecondSilo("silo2");
        try
        {
            Assert.Null(start);

            // The first silo learns of the newcomer by gossip or its next table read.
            var seen = Stopwatch.StartNew();
            while (!cluster.Membership.CurrentSnapshot.Members.Values.Any(m => m.SiloAddress.Endpoint.Port == port && m.Status == SiloStatus.Active)
                && seen.Elapsed < SiloJoinBound)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }

            Assert.Contains(cluster.Membership.CurrentSnapshot.Members.Values, m => m.SiloAddress.Endpoint.Port == port && m.Status == SiloStatus.Active);
        }
        finally
        {
            await StopQuietly(silo);
        }
    }

    [Fact]
    public async Task A_silo_with_a_certificate_of_another_CA_never_joins()
    {
        var started = Stopwatch.StartNew();
        var (silo, port, start) = await StartSecondSilo("rogue-silo");
        await StopQuietly(silo);

        // It did not start within the bound: it failed, or was still trying to join.
        Assert.NotNull(start);
        Assert.True(started.Elapsed < SiloJoinBound + TimeSpan.FromSeconds(5), $"start took {started.Elapsed}");
        TestContext.Current.TestOutputHelper?.WriteLine($"not started after {started.Elapsed}: {start.GetType().Name}: {start.Message}");

        // The first silo holds the membership table: the newcomer is not in it at all, and the first
        // silo is still active.
        var members = cluster.Membership.CurrentSnapshot.Members.Values;
        Assert.DoesNotContain(members, m => m.SiloAddress.Endpoint.Port == port);
        Assert.Contains(members, m => m.SiloAddress.Endpoint.Port == cluster.SiloPort && m.Status == SiloStatus.Active);
    }

    /// <summary>A second silo configured like ours with the certificate <paramref name="certificate"/>
    /// (.pem and .key files of the fixture) and the first silo as the primary, which holds the
    /// development membership table: to join, the newcomer must reach it. Returns the start's
    /// exception, if any, after at most <see cref="SiloJoinBound"/>.</summary>
    private async Task<(IHost Silo, int Port, Exception? Start)> StartSecondSilo(string certificate)
    {
        var siloPort = MutualTlsFixture.FreePort();
        var builder = MutualTlsFixture.NewHostBuilder(cluster.TlsSettings(new()
        {
            ["Orleans:Tls:CertificatePath"] = cluster.File(certificate + ".pem"),
            ["Orleans:Tls:KeyPath"] = cluster.File(certificate + ".key"),
            ["Platform:Seed"] = "false",
        }));
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, MutualTlsFixture.FreePort(), new IPEndPoint(IPAddress.Loopback, cluster.SiloPort));
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = MutualTlsFixture.ClusterId;
                o.ServiceId = MutualTlsFixture.ServiceId;
            });
            SiloConfiguration.ConfigureTransport(silo, builder.Configuration);
            SiloConfiguration.ConfigureServices(silo, builder.Configuration);
        });
        var host = builder.Build();
        using var bound = new CancellationTokenSource(SiloJoinBound);
        var start = await Record.ExceptionAsync(() => host.StartAsync(bound.Token));
        return (host, siloPort, start);
    }

    private static async Task StopQuietly(IHost silo)
    {
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await Record.ExceptionAsync(() => silo.StopAsync(stop.Token));
        }

        silo.Dispose();
    }

    private async Task AssertRefused(Dictionary<string, string?> settings, Action<IClientBuilder>? configure = null)
    {
        settings["Orleans:GatewayPort"] = cluster.GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var started = Stopwatch.StartNew();
        var refusal = await Record.ExceptionAsync(async () =>
        {
            using var client = await StartClient(settings, configure);
            await client.Services.GetRequiredService<IClusterClient>()
                .GetGrain<INodeDirectoryGrain>(INodeDirectoryGrain.Key).List();
        });

        // The gateway closed the connection during the handshake (a timeout would be an OperationCanceledException).
        Assert.IsType<ConnectionFailedException>(refusal);
        Assert.True(started.Elapsed < RefusalBound + TimeSpan.FromSeconds(5), $"refusal took {started.Elapsed}");
        TestContext.Current.TestOutputHelper?.WriteLine($"refused after {started.Elapsed}: {refusal.GetType().Name}: {refusal.Message}");
    }

    /// <summary>A started Orleans client built by <see cref="ClientConfiguration"/> from
    /// <paramref name="settings"/>, that gives up after the first failed connection attempt instead
    /// of the default backoff of many seconds.</summary>
    private async Task<IHost> StartClient(Dictionary<string, string?> settings, Action<IClientBuilder>? configure = null)
    {
        settings.TryAdd("Orleans:GatewayPort", cluster.GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var builder = MutualTlsFixture.NewHostBuilder(settings);
        builder.UseOrleansClient(client =>
        {
            ClientConfiguration.Configure(client, builder.Configuration);
            client.UseConnectionRetryFilter((_, _) => Task.FromResult(false));
            configure?.Invoke(client);
        });
        var host = builder.Build();
        using var bound = new CancellationTokenSource(RefusalBound);
        try
        {
            await host.StartAsync(bound.Token);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
