using System.Security.Cryptography;
using System.Text;

namespace GenomDE.Orleans.ClientApi.Hosting;

/// <summary>SHA-256 (hex) of a request body, read once per request (the audit trail and the
/// idempotency check both need it) and rewound so the handler still binds the body.</summary>
public static class RequestDigest
{
    public static readonly string Empty = Of("");

    private const string BodyItem = "genomde.body-sha256";

    public static async Task<string> BodyAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.HttpContext.Items.TryGetValue(BodyItem, out var known) && known is string digest)
        {
            return digest;
        }

        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            sha.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        digest = Convert.ToHexStringLower(sha.GetHashAndReset());
        request.HttpContext.Items[BodyItem] = digest;
        return digest;
    }

    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
