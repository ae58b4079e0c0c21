using System.Net;
using System.Net.Sockets;
using GenomDE.Orleans.ClientApi.Auth;
using GenomDE.Orleans.Domain.Common;

namespace GenomDE.Orleans.ClientApi.Limits;

/// <summary>Which bucket a request draws from: the participant's (<c>participant:{role}:{id}</c>),
/// so one participant's burst never slows another, or, without a participant, the remote
/// address's (<c>anonymous:{address}</c>). Null: not limited.</summary>
public static class RateLimitPartitions
{
    public const string ParticipantPrefix = "participant:";
    public const string AnonymousPrefix = "anonymous:";

    /// <summary>Health probes are answered from a short cache and never reach the cluster; an
    /// orchestrator's probe must not be refused because others flood from the same address.</summary>
    public static bool IsExempt(PathString path) => path.StartsWithSegments("/health");

    /// <summary>The sign-in routes count as anonymous even with a session or token: they are where
    /// secrets are guessed, so they are limited by address.</summary>
    public static bool IsSignIn(PathString path) =>
        path.StartsWithSegments(EmbeddedIssuerSetup.TokenPath) || path.StartsWithSegments(OperatorLogin.Path);

    public static string? KeyOf(PathString path, Caller? caller, IPAddress? remote)
    {
        if (IsExempt(path))
        {
            return null;
        }

        return caller is not null && !IsSignIn(path)
            ? $"{ParticipantPrefix}{ParticipantClaims.RoleName(caller.Role)}:{caller.ParticipantId}"
            : AnonymousPrefix + AddressKey(remote);
    }

    /// <summary>IPv4 addresses one by one; IPv6 by /64, the block one subscriber usually gets, so
    /// an attacker cannot get a fresh bucket per address.</summary>
    public static string AddressKey(IPAddress? remote)
    {
        if (remote is null)
        {
            return "unknown";
        }

        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }

        if (remote.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return remote.ToString();
        }

        var bytes = remote.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
