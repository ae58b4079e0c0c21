using System.Net;
using System.Net.Sockets;
using GenomDE.Orleans.Domain.Common;
using Microsoft.Extensions.Options;

namespace GenomDE.Orleans.Grains.Webhooks;

/// <summary>Decides whether a participant may register a URL: absolute https, no credentials in it,
/// at most 2048 characters, and a host that resolves only to public addresses. With
/// <see cref="WebhookOptions.AllowLoopback"/> (development, tests) loopback targets are allowed,
/// over plain http too.</summary>
public sealed class WebhookUrlValidator(IOptions<WebhookOptions> options, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
{
    public const int MaxLength = InputLimits.WebhookUrl;

    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve = resolve ?? Dns.GetHostAddressesAsync;

    public async Task<DomainError?> ValidateAsync(string? url, CancellationToken cancellationToken = default)
    {
        var allowLoopback = options.Value.AllowLoopback;
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxLength)
        {
            return Invalid($"The URL must be 1–{MaxLength} characters.");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || string.IsNullOrEmpty(uri.Host))
        {
            return Invalid("The URL must be an absolute https URL.");
        }

        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            return Invalid("The URL must not carry credentials or a fragment.");
        }

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.DnsSafeHost, out var literal) ? [literal] : await _resolve(uri.DnsSafeHost, cancellationToken);
        }
        catch (SocketException)
        {
            return Invalid($"The host '{uri.Host}' does not resolve.");
        }

        if (addresses.Length == 0)
        {
            return Invalid($"The host '{uri.Host}' does not resolve.");
        }

        if (addresses.Any(a => !WebhookAddressPolicy.IsAllowed(a, allowLoopback)))
        {
            return Invalid($"The host '{uri.Host}' resolves to a loopback, private, link-local or otherwise non-public address.");
        }

        if (uri.Scheme != "https" && !(allowLoopback && addresses.All(IPAddress.IsLoopback)))
        {
            return Invalid("The URL must use https.");
        }

        return null;
    }

    private static DomainError Invalid(string detail) => DomainError.Invalid("invalid_webhook_url", "Invalid webhook URL", detail);
}
