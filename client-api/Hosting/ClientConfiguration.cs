using System.Net;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace GenomDE.Orleans.ClientApi;

/// <summary>How the stand-alone API finds the cluster, section <c>Orleans</c>:
/// <c>ConnectionString</c> (PostgreSQL membership table) &gt; <c>Gateways</c> (static list of host:port)
/// &gt; localhost (a silo started by the silo project on this machine). With <c>Orleans:Tls</c> on, the
/// gateway connection is mutual TLS (<see cref="ClusterTls"/>).</summary>
public static class ClientConfiguration
{
    public static void Configure(IClientBuilder client, IConfiguration configuration)
    {
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = configuration["Orleans:ClusterId"] ?? ClusterDefaults.ClusterId;
            o.ServiceId = configuration["Orleans:ServiceId"] ?? ClusterDefaults.ServiceId;
        });

        var gateways = configuration.GetSection("Orleans:Gateways").Get<string[]>() ?? [];
        if (configuration["Orleans:ConnectionString"] is { Length: > 0 } connectionString)
        {
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            });
        }
        else if (gateways.Length > 0)
        {
            client.UseStaticClustering(gateways.Select(g => IPEndPoint.Parse(g)).ToArray());
        }
        else
        {
            client.UseLocalhostClustering(gatewayPort: configuration.GetValue("Orleans:GatewayPort", ClusterDefaults.GatewayPort));
        }

        if (ClusterTls.Read(configuration) is { } tls)
        {
            client.UseTls(o => ClusterTls.Configure(o, tls));
        }

        client.AddActivityPropagation(); // a request's trace continues into the grains it calls
        client.AddDashboard(o => o.HideTrace = true); // the trace stream shows every silo log line: not over the API host either
        DatabaseExceptions.AllowOnTheWire(client.Services);
    }
}

/// <summary>Names and ports shared by silo and client when nothing else is configured.</summary>
public static class ClusterDefaults
{
    public const string ClusterId = "genomde";
    public const string ServiceId = "genomde-platform";
    public const int SiloPort = 11111;
    public const int GatewayPort = 30000;
}
