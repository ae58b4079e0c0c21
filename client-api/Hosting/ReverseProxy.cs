using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace GenomDE.Orleans.ClientApi.Hosting;

/// <summary>Behind a reverse proxy that terminates HTTPS, section <c>Proxy</c>: the client address
/// and scheme come from <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c>, but only when the request
/// came from a listed proxy (anyone else could claim to be https or any address). Without a list
/// the headers are ignored.</summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>Addresses of the proxies whose forwarded headers are believed, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];
}

public static class ReverseProxy
{
    public static void AddReverseProxy(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ReverseProxyOptions.Section).Get<ReverseProxyOptions>() ?? new ReverseProxyOptions();
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            // With both lists empty the middleware would believe everyone: then it reads no header at all.
            forwarded.ForwardedHeaders = options.KnownProxies.Length + options.KnownNetworks.Length > 0
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                : ForwardedHeaders.None;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear(); // not even loopback by default: only what is configured
#pragma warning disable ASPDEPR005 // the older list still holds loopback by default and is still consulted
            forwarded.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var proxy in options.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in options.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }
}
