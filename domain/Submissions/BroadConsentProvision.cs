namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>One nested provision of an MII Broad Consent: permit or deny the listed policy codes
/// during the period.</summary>
public sealed record BroadConsentProvision(bool Permit, ConsentPeriod Period, IReadOnlyList<string> Codes);
