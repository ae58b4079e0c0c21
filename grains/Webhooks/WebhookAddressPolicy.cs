using System.Net;
using System.Net.Sockets;

namespace GenomDE.Orleans.Grains.Webhooks;

/// <summary>Which IP addresses a webhook may reach (server-side request forgery guard): only
/// public unicast. Checked when an endpoint is registered and again on every connect, because a
/// host name can resolve differently later (DNS rebinding).</summary>
public static class WebhookAddressPolicy
{
    public static bool IsAllowed(IPAddress address, bool allowLoopback)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return allowLoopback;
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsPublicV6(address),
            _ => false,
        };
    }

    private static bool IsPublicV4(byte[] b) => !(
        b[0] == 0                                       // "this" network
        || b[0] == 10                                   // private
        || (b[0] == 100 && (b[1] & 0xC0) == 64)         // carrier-grade NAT 100.64/10
        || b[0] == 127                                  // loopback
        || (b[0] == 169 && b[1] == 254)                 // link-local (cloud metadata lives here)
        || (b[0] == 172 && (b[1] & 0xF0) == 16)         // private 172.16/12
        || (b[0] == 192 && b[1] == 0 && b[2] == 0)      // IETF protocol assignments
        || (b[0] == 192 && b[1] == 168)                 // private
        || (b[0] == 198 && (b[1] & 0xFE) == 18)         // benchmarking 198.18/15
        || b[0] >= 224);                                // multicast, reserved, broadcast

    private static bool IsPublicV6(IPAddress address)
    {
        var b = address.GetAddressBytes();
        return !(address.Equals(IPAddress.IPv6None)
            || address.IsIPv6LinkLocal
            || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast
            || (b[0] & 0xFE) == 0xFC                    // unique-local fc00::/7
            || address.IsIPv4MappedToIPv6
            || b.Take(12).All(x => x == 0));            // ::/96 (IPv4-compatible, unspecified)
    }
}
