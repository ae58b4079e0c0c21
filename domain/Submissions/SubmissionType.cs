namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>Why a submission was sent (metadata.json <c>submissionType</c>, clinical
/// <c>submission.type</c>, Prüfbericht <c>submissionType</c>). Only <see cref="Initial"/> with QC
/// passed is billable; <see cref="Test"/> never bills and is left out of statistics.</summary>
[GenerateSerializer, Alias("genomde.submission-type")]
public enum SubmissionType
{
    Initial = 0,
    Followup = 1,
    Addition = 2,
    Correction = 3,
    Test = 4,
}
