namespace GenomDE.Orleans.GrainInterfaces.Cases;

/// <summary>A case grain's key: the submitter's IK and the LE's local case ID.</summary>
public static class CaseKeys
{
    public const int MaxLocalCaseIdLength = 128;

    public static string Of(string submitterId, string localCaseId) => $"{submitterId}:{localCaseId}";

    public static (string SubmitterId, string LocalCaseId) Split(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return (key[..colon], key[(colon + 1)..]);
    }

    /// <summary>Local case IDs are the LE's own; we only bound them to printable text.</summary>
    public static bool IsValidLocalCaseId(string? value) =>
        value is { Length: > 0 and <= MaxLocalCaseIdLength } && value.All(c => c >= 0x20 && c != 0x7f);
}
