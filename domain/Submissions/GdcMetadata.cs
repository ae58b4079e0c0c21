namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>A GDC submission's metadata.json (schema 1.1.1–1.3.1) as the parser understood it.
/// Fields are null where the document lacked them or held the wrong type; the parser has reported
/// that already, so rules skip nulls instead of reporting them twice.</summary>
public sealed record GdcMetadata(
    string? Schema,
    Version? SchemaVersion,
    GdcSubmission Submission,
    IReadOnlyList<GdcDonor> Donors)
{
    public static readonly Version MinimumSchemaVersion = new(1, 1, 1);
    public static readonly Version MaximumSchemaVersion = new(1, 3, 1);

    /// <summary>From 1.3 on, research consent is mandatory and must be an MII Broad Consent.</summary>
    public static readonly Version ResearchConsentSchemaVersion = new(1, 3, 0);

    public bool IsAtLeast(Version version) => SchemaVersion is not null && SchemaVersion >= version;
}
