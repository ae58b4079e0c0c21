using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.Domain.Tokens;

namespace GenomDE.Orleans.GrainInterfaces.Cases;

/// <summary>The consent a submission carried for its index donor, kept to detect revocations.</summary>
[GenerateSerializer, Immutable, Alias("genomde.consent-snapshot")]
public sealed record ConsentSnapshot(
    [property: Id(0)] bool MvSequencing,
    [property: Id(1)] bool Research);

/// <summary>A node's basic QC verdict on one submission.</summary>
[GenerateSerializer, Immutable, Alias("genomde.basic-qc-outcome")]
public sealed record BasicQcOutcome(
    [property: Id(0)] bool Passed,
    [property: Id(1)] BasicQcFailureReason? FailureReason,
    [property: Id(2)] string? Detail);

/// <summary>One submission (TAN) of a case, as the platform tracks it. Metadata files themselves
/// never pass through the platform beyond validation; the summary and a digest are kept.
/// <see cref="LibraryType"/> is the sequencing the node's report must name (genomic: the index
/// donor's most expensive; clinical: when known), null when unknown.
/// <see cref="ClinicalDataNodeId"/> is the CDN a genomic submission names for the case's clinical half.
/// <see cref="Genomic"/> is the study design and donors of a genomic submission (for the quarterly report).
/// <see cref="ReceivedAt"/> is when the node confirmed the data arrived (it places the submission in a reporting quarter).</summary>
[GenerateSerializer, Immutable, Alias("genomde.submission-view")]
public sealed record SubmissionView(
    [property: Id(0)] string Tan,
    [property: Id(1)] DataCategory DataCategory,
    [property: Id(2)] SubmissionType SubmissionType,
    [property: Id(3)] string NodeId,
    [property: Id(4)] DateOnly SubmissionDate,
    [property: Id(5)] Indication DiseaseType,
    [property: Id(6)] CoverageType CoverageType,
    [property: Id(7)] LibraryType? LibraryType,
    [property: Id(8)] ConsentSnapshot Consent,
    [property: Id(9)] SubmissionStatus Status,
    [property: Id(10)] BasicQcOutcome? BasicQc,
    [property: Id(11)] bool? DetailedQcSelected,
    [property: Id(12)] DetailedQcResult? DetailedQc,
    [property: Id(13)] CheckReport? Report,
    [property: Id(14)] string DocumentSha256,
    [property: Id(15)] DateTimeOffset SubmittedAt,
    [property: Id(16)] string? ClinicalDataNodeId = null,
    [property: Id(17)] ConfirmationOutcome? Confirmation = null,
    [property: Id(18)] GenomicProfile? Genomic = null,
    [property: Id(19)] DateTimeOffset? ReceivedAt = null)
{
    public bool IsTest => SubmissionType == SubmissionType.Test;

    /// <summary>Failed submissions do not count: the case goes on with a new TAN.</summary>
    public bool Failed => Status == SubmissionStatus.QcFailed || (Report is { DataQualityCheckPassed: false });
}

/// <summary>Something that happened to a case, kept forever.</summary>
[GenerateSerializer, Immutable, Alias("genomde.case-event")]
public sealed record CaseEvent(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string What,
    [property: Id(2)] string? Tan,
    [property: Id(3)] string By);

/// <summary>A case of one LE (key: submitter IK + the LE's local case ID).</summary>
[GenerateSerializer, Immutable, Alias("genomde.case-view")]
public sealed record CaseView(
    [property: Id(0)] string SubmitterId,
    [property: Id(1)] string LocalCaseId,
    [property: Id(2)] CaseStatus Status,
    [property: Id(3)] IReadOnlyList<SubmissionView> Submissions,
    [property: Id(4)] IReadOnlyList<CaseEvent> History)
{
    /// <summary>Value equality including the lists' contents (records compare lists by reference).</summary>
    public bool Equals(CaseView? other) =>
        other is not null && (SubmitterId, LocalCaseId, Status) == (other.SubmitterId, other.LocalCaseId, other.Status)
        && Submissions.SequenceEqual(other.Submissions) && History.SequenceEqual(other.History);

    public override int GetHashCode() => HashCode.Combine(SubmitterId, LocalCaseId, Status, Submissions.Count);
}

/// <summary>The answer to a submission: the case after it, and the warnings to pass on.</summary>
[GenerateSerializer, Immutable, Alias("genomde.submission-answer")]
public sealed record SubmissionAnswer(
    [property: Id(0)] CaseView Case,
    [property: Id(1)] string Tan,
    [property: Id(2)] IReadOnlyList<SubmissionFinding> Warnings);

/// <summary>A submission as its node sees it in the inbox. <see cref="ReportDueAt"/> is when its
/// check report becomes overdue (null: none owed yet, or flagged already); the inbox shard's one
/// reminder watches the earliest of them.</summary>
[GenerateSerializer, Immutable, Alias("genomde.inbox-entry")]
public sealed record InboxEntry(
    [property: Id(0)] string CaseKey,
    [property: Id(1)] SubmissionView Submission,
    [property: Id(2)] DateTimeOffset? ReportDueAt = null);
