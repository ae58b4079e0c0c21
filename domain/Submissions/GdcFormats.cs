using System.Text.RegularExpressions;

namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>Patterns of metadata.json values that are not shared with other documents (node IDs
/// and IKs live in <see cref="GenomDE.Orleans.Domain.Common.Identifiers"/>).</summary>
public static partial class GdcFormats
{
    /// <summary>A TAN (tanG) and a SHA-256 checksum are both 32 bytes in hex.</summary>
    [GeneratedRegex("^[a-fA-F0-9]{64}$")]
    public static partial Regex Hex64();

    [GeneratedRegex(@"^https://raw\.githubusercontent\.com/BfArM-MVH/MVGenomseq/refs/tags/v([0-9]+)\.([0-9]+)(?:\.([0-9]+))?/GRZ/grz-schema\.json$")]
    public static partial Regex SchemaUrl();

    /// <summary>The schema version the <c>$schema</c> URL names, or null when it names none.</summary>
    public static Version? SchemaVersionOf(string? schemaUrl)
    {
        var match = schemaUrl is null ? null : SchemaUrl().Match(schemaUrl);
        if (match is not { Success: true })
        {
            return null;
        }

        var parts = match.Groups.Values.Skip(1).Select(g => g.Success && int.TryParse(g.Value, out var n) ? n : 0).ToArray();
        return parts.Any(p => p < 0) ? null : new Version(parts[0], parts[1], parts[2]);
    }
}
