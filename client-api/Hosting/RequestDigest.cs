using System.Security.Cryptography;
using System.Text;

namespace GenomDE.Orleans.ClientApi.Hosting;

/// <summary>SHA-256 (hex) of a request body, read once and rewound so the handler still binds it.</summary>
public static class RequestDigest
{
    public static readonly string Empty = Convert.ToHexStringLower(SHA256.HashData([]));

    /// <summary>Hashes <paramref name="prefix"/> (when given) and then the body.</summary>
    public static async Task<string> Sha256Async(HttpRequest request, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (prefix is not null)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(prefix));
        }

        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            sha.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
