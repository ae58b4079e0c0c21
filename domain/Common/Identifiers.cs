using System.Text.RegularExpressions;
using GenomDE.Orleans.Domain.Nodes;

namespace GenomDE.Orleans.Domain.Common;

/// <summary>The official identifier formats (domain.md §1–§2) and their validation.</summary>
public static partial class Identifiers
{
    [GeneratedRegex("^[0-9]{9}$")]
    private static partial Regex IkPattern();

    [GeneratedRegex("^KDK[A-Z0-9]{3}[0-9]{3}$")]
    private static partial Regex CdnIdPattern();

    [GeneratedRegex("^GRZ[A-Z0-9]{3}[0-9]{3}$")]
    private static partial Regex GdcIdPattern();

    [GeneratedRegex("^APP-[0-9A-F]{16}$")]
    private static partial Regex ApplicationIdPattern();

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex TanPattern();

    [GeneratedRegex("^[A-Za-z0-9]{10}$")]
    private static partial Regex ConfirmationCodePattern();

    /// <summary>Institutionskennzeichen: 9 digits; identifies providers (LE) and payers.</summary>
    public static bool IsIk(string? value) => value is not null && IkPattern().IsMatch(value);

    public static bool IsNodeId(string? value) => NodeKindOf(value) is not null;

    public static bool IsApplicationId(string? value) => value is not null && ApplicationIdPattern().IsMatch(value);

    /// <summary>tanG / tanC: 32 random bytes as 64 hex characters (either case, as grz-cli writes them).</summary>
    public static bool IsTan(string? value) => value is not null && TanPattern().IsMatch(value);

    /// <summary>The platform's confirmation code: 10 letters or digits.</summary>
    public static bool IsConfirmationCode(string? value) => value is not null && ConfirmationCodePattern().IsMatch(value);

    /// <summary>The kind a node ID belongs to, or null when it matches neither official pattern.</summary>
    public static NodeKind? NodeKindOf(string? value) => value switch
    {
        null => null,
        _ when CdnIdPattern().IsMatch(value) => NodeKind.Cdn,
        _ when GdcIdPattern().IsMatch(value) => NodeKind.Gdc,
        _ => null,
    };

    public static string NodeIdPattern(NodeKind kind) => kind == NodeKind.Cdn
        ? "KDK[A-Z0-9]{3}[0-9]{3}"
        : "GRZ[A-Z0-9]{3}[0-9]{3}";

    public static DomainError? ValidateNodeId(NodeKind kind, string? nodeId)
    {
        if (NodeKindOf(nodeId) == kind)
        {
            return null;
        }

        return DomainError.Invalid(
            "invalid_node_id",
            "Invalid node ID",
            $"'{nodeId}' is not a valid {kind.ToString().ToUpperInvariant()} node ID: it must match ^{NodeIdPattern(kind)}$.");
    }

    public static DomainError? ValidateIk(string? ik, string what) => IsIk(ik)
        ? null
        : DomainError.Invalid("invalid_ik", "Invalid IK", $"'{ik}' is not a valid {what} IK: it must be 9 digits (^[0-9]{{9}}$).");

    /// <summary>The application ID for a request: derived from its request ID, so a replayed
    /// application reaches the same grain; 64 bits of SHA-256 make collisions irrelevant here.</summary>
    public static string ApplicationIdFor(string requestId) =>
        "APP-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(requestId)))[..16];
}
