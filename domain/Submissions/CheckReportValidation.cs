namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>The outcome of reading a Prüfbericht: the report when it is acceptable, otherwise every
/// finding at once. <see cref="Report"/> is null exactly when there are findings.</summary>
[GenerateSerializer, Immutable, Alias("genomde.check-report-validation")]
public sealed record CheckReportValidation(
    [property: Id(0)] CheckReport? Report,
    [property: Id(1)] IReadOnlyList<SubmissionFinding> Findings)
{
    public bool IsAccepted => Report is not null && Findings.Count == 0;

    public bool Has(string rule) => Findings.Any(f => f.Rule == rule);

    /// <summary>Value equality including the findings' contents (records compare lists by reference).</summary>
    public bool Equals(CheckReportValidation? other) =>
        other is not null && Equals(Report, other.Report) && Findings.SequenceEqual(other.Findings);

    public override int GetHashCode() => HashCode.Combine(Report, Findings.Count);
}
