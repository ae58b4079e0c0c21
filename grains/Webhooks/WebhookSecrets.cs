using System.Security.Cryptography;
using System.Text;

namespace GenomDE.Orleans.Grains.Webhooks;

/// <summary>Standard Webhooks secrets: <c>whsec_</c> + base64 of random bytes (the key is the
/// decoded bytes), and the <c>webhook-signature</c> header value for one attempt.</summary>
public static class WebhookSecrets
{
    public const string Prefix = "whsec_";

    /// <summary>32 random bytes: inside the 24–64 the specification allows.</summary>
    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static byte[] KeyOf(string secret) =>
        Convert.FromBase64String(secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret);

    /// <summary><c>v1,&lt;base64 HMAC-SHA256 of "id.timestamp.body"&gt;</c> per secret, space-separated:
    /// during a rotation the receiver accepts either the old or the new secret.</summary>
    public static string SignatureHeader(IEnumerable<string> secrets, string webhookId, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(FormattableString.Invariant($"{webhookId}.{timestamp}."));
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return string.Join(' ', secrets.Select(s => "v1," + Convert.ToBase64String(HMACSHA256.HashData(KeyOf(s), signed))));
    }
}
