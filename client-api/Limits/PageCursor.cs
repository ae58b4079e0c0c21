using System.Buffers.Text;
using System.Text;

namespace GenomDE.Orleans.ClientApi.Limits;

/// <summary>The opaque cursor of a list: base64url of <c>p1:</c> and the key of the last item
/// answered. Keys sort ordinally, so the next page is simply the items after it, whatever was
/// added or removed in between. The version prefix lets the shape change without breaking
/// cursors clients hold.</summary>
public static class PageCursor
{
    private const string Version = "p1:";

    /// <summary>Longest cursor accepted: keys are IDs and timestamps, far shorter.</summary>
    public const int MaxLength = 512;

    public static string Encode(string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Version + key));

    /// <summary>The key a cursor names; false for anything this API did not hand out.</summary>
    public static bool TryDecode(string? cursor, out string key)
    {
        key = "";
        if (string.IsNullOrEmpty(cursor) || cursor.Length > MaxLength || !Base64Url.IsValid(cursor))
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return false;
        }

        if (!text.StartsWith(Version, StringComparison.Ordinal))
        {
            return false;
        }

        key = text[Version.Length..];
        return true;
    }
}
