using System.Security.Cryptography;

namespace GenomDE.Orleans.OperatorConsole;

/// <summary>The stylesheet (wwwroot/console.css), embedded in the assembly: the stand-alone API, the
/// silo and the test host all serve it without a static web assets manifest.</summary>
public static class ConsoleAssets
{
    private static readonly Lazy<(byte[] Bytes, string ETag)> Css = new(() =>
    {
        using var stream = typeof(ConsoleAssets).Assembly.GetManifestResourceStream("console.css")
            ?? throw new InvalidOperationException("console.css is not embedded in the console assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        return (bytes, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"");
    });

    public static IResult Stylesheet(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (bytes, etag) = Css.Value;
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Bytes(bytes, "text/css; charset=utf-8", entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue(etag));
    }
}
