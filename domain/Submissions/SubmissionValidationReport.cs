namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>Every finding on a document at once. Warnings never refuse; they announce rules that
/// tighten on a later date or doubts the sender should look at.</summary>
[GenerateSerializer, Immutable, Alias("genomde.submission-validation-report")]
public sealed record SubmissionValidationReport(
    [property: Id(0)] IReadOnlyList<SubmissionFinding> Errors,
    [property: Id(1)] IReadOnlyList<SubmissionFinding> Warnings)
{
    public bool IsAccepted => Errors.Count == 0;

    public bool HasError(string rule) => Errors.Any(e => e.Rule == rule);

    public bool HasWarning(string rule) => Warnings.Any(w => w.Rule == rule);

    /// <summary>Value equality including the lists' contents (records compare lists by reference).</summary>
    public bool Equals(SubmissionValidationReport? other) =>
        other is not null && Errors.SequenceEqual(other.Errors) && Warnings.SequenceEqual(other.Warnings);

    public override int GetHashCode() => HashCode.Combine(Errors.Count, Warnings.Count);
}
