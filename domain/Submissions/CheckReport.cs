using GenomDE.Orleans.Domain.Participants;

namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>A Prüfbericht (check report) as a node sends it to the platform, the
/// <c>SubmittedCase</c> of <c>{"SubmittedCase": {...}}</c> (BfArM schema v0.4). The platform issues
/// one confirmation per accepted report. <see cref="DiseaseType"/> reuses <see cref="Indication"/>,
/// the disease types a provider is admitted for, so admission and report compare directly.</summary>
[GenerateSerializer, Immutable, Alias("genomde.check-report")]
public sealed record CheckReport(
    [property: Id(0)] DateOnly SubmissionDate,
    [property: Id(1)] SubmissionType SubmissionType,
    [property: Id(2)] string Tan,
    [property: Id(3)] string SubmitterId,
    [property: Id(4)] string DataNodeId,
    [property: Id(5)] Indication DiseaseType,
    [property: Id(6)] DataCategory DataCategory,
    [property: Id(7)] LibraryType LibraryType,
    [property: Id(8)] CoverageType CoverageType,
    [property: Id(9)] bool DataQualityCheckPassed);
