namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>The <c>submission</c> block: who sends what, for which case, to which nodes.</summary>
public sealed record GdcSubmission(
    DateOnly? SubmissionDate,
    string? SubmissionType,
    string? TanG,
    string? LocalCaseId,
    string? CoverageType,
    string? SubmitterId,
    string? GenomicDataCenterId,
    string? ClinicalDataNodeId,
    string? DiseaseType,
    string? GenomicStudyType,
    string? GenomicStudySubtype,
    string? LabName);
