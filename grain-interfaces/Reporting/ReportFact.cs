using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.GrainInterfaces.Cases;

namespace GenomDE.Orleans.GrainInterfaces.Reporting;

/// <summary>One row a bucket keeps under <see cref="Key"/> (the lower-case TAN).
/// <see cref="Revision"/> is the case's history length when the case wrote it: it only grows, so a
/// bucket keeps the newest row and ignores replays and late duplicates. A row without a submission
/// is a tombstone: the submission moved to another day's bucket (its data arrived), and the
/// revision keeps an older copy from coming back.</summary>
[GenerateSerializer, Immutable, Alias("genomde.report-fact")]
public sealed record ReportFact(
    [property: Id(0)] string Key,
    [property: Id(1)] int Revision,
    [property: Id(2)] SubmissionRow? Submission);

/// <summary>Whether detailed QC was done on a submission and how it ended (report column
/// <c>detailed_qc_passed</c>: yes / no / not_performed).</summary>
[GenerateSerializer, Alias("genomde.detailed-qc-state")]
public enum DetailedQcState
{
    NotPerformed = 0,
    Passed = 1,
    Failed = 2,
}

/// <summary>Consent revocations a submission brought, per donor kind: a donor whose previous
/// submission in the case carried a permit this one no longer carries (domain.md §8).</summary>
[GenerateSerializer, Immutable, Alias("genomde.consent-revocations")]
public sealed record ConsentRevocations(
    [property: Id(0)] int MvIndex,
    [property: Id(1)] int ResearchIndex,
    [property: Id(2)] int MvNonIndex,
    [property: Id(3)] int ResearchNonIndex)
{
    public static readonly ConsentRevocations None = new(0, 0, 0, 0);
}

/// <summary>A failed detailed QC with the lab datum it judged: report table 3.</summary>
[GenerateSerializer, Immutable, Alias("genomde.detailed-qc-failure")]
public sealed record DetailedQcFailure(
    [property: Id(0)] string Relation,
    [property: Id(1)] string SequenceType,
    [property: Id(2)] string SequenceSubtype,
    [property: Id(3)] string LibraryType,
    [property: Id(4)] double? MinimumQuality,
    [property: Id(5)] double? MinCoverage,
    [property: Id(6)] DetailedQcMetricResult? Quality,
    [property: Id(7)] DetailedQcMetricResult? Depth,
    [property: Id(8)] DetailedQcMetricResult? Targets,
    [property: Id(9)] string QcWorkflowVersion);

/// <summary>One submission as the quarterly report and the statistics see it: only flat values
/// (lists are pre-joined with ';' as the report prints them), so two rows compare by value.
/// Genomic-only fields are null for clinical submissions. <see cref="LibraryType"/> is the
/// sequencing the check report names (the index donor's most expensive). <see cref="ReceivedOn"/> is
/// the day (German time) the node confirmed the data arrived.</summary>
[GenerateSerializer, Immutable, Alias("genomde.submission-row")]
public sealed record SubmissionRow(
    [property: Id(0)] string Tan,
    [property: Id(1)] string NodeId,
    [property: Id(2)] string SubmitterId,
    [property: Id(3)] DateOnly SubmissionDate,
    [property: Id(4)] DataCategory DataCategory,
    [property: Id(5)] SubmissionType SubmissionType,
    [property: Id(6)] CoverageType CoverageType,
    [property: Id(7)] Indication DiseaseType,
    [property: Id(8)] SubmissionStatus Status,
    [property: Id(9)] bool? BasicQcPassed,
    [property: Id(10)] bool? ReportPassed,
    [property: Id(11)] bool TokenIssued,
    [property: Id(12)] bool MvConsent,
    [property: Id(13)] bool ResearchConsent,
    [property: Id(14)] string? GenomicStudyType,
    [property: Id(15)] string? GenomicStudySubtype,
    [property: Id(16)] string? IndexSequenceTypes,
    [property: Id(17)] string? IndexSequenceSubtypes,
    [property: Id(18)] string? IndexLibraryTypes,
    [property: Id(19)] string? NoScopeJustifications,
    [property: Id(20)] DetailedQcState DetailedQc,
    [property: Id(21)] DetailedQcFailure? DetailedQcFailure,
    [property: Id(22)] ConsentRevocations Revocations,
    [property: Id(23)] LibraryType? LibraryType,
    [property: Id(24)] DateOnly? ReceivedOn = null)
{
    public bool IsTest => SubmissionType == SubmissionType.Test;
}
