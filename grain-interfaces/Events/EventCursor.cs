using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace GenomDE.Orleans.GrainInterfaces.Events;

/// <summary>The opaque cursor participants page with: base64url of <c>v1:{major}:{minor}</c>. The
/// version prefix lets the position's shape change later without breaking stored cursors.</summary>
public static class EventCursor
{
    private const string Version = "v1";

    /// <summary>The position before every event (the start of retention).</summary>
    public static readonly EventPosition Start = new(0, 0);

    public static string Encode(EventPosition? position)
    {
        var p = position ?? Start;
        return Base64Url.EncodeToString(Encoding.ASCII.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{Version}:{p.Major}:{p.Minor}")));
    }

    /// <summary>The position a cursor names; false for anything we did not hand out.</summary>
    public static bool TryDecode(string? cursor, out EventPosition position)
    {
        position = Start;
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 128 || !Base64Url.IsValid(cursor))
        {
            return false;
        }

        string text;
        try
        {
            text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = text.Split(':');
        if (parts.Length != 3 || parts[0] != Version
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        position = new EventPosition(major, minor);
        return true;
    }
}
