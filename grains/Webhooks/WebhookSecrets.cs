using System.Security.Cryptography;
using System.Text;
using StandardWebhooks;

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

    /// <summary><c>v1,&lt;base64 HMAC-SHA256 of "id.timestamp.body"&gt;</c> per secret, space-separated,
    /// each signed by the <c>StandardWebhooks</c> library: during a rotation the receiver accepts
    /// either the old or the new secret.</summary>
    public static string SignatureHeader(IEnumerable<string> secrets, string webhookId, long timestamp, ReadOnlySpan<byte> body)
    {
        var payload = Encoding.UTF8.GetString(body); // the library signs the UTF-8 bytes of this text: the same bytes
        var at = DateTimeOffset.FromUnixTimeSeconds(timestamp);
        return string.Join(' ', secrets.Select(s => new StandardWebhook(KeyOf(s)).Sign(webhookId, at, payload)));
    }
}
