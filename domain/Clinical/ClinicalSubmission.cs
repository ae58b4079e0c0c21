namespace GenomDE.Orleans.Domain.Clinical;

/// <summary>The <c>metaData.submission</c> block of a clinical data set (MVGenomseq_KDK
/// Submission.json). <see cref="GenomicDataCenterId"/> may be absent when no sequencing was done.</summary>
public sealed record ClinicalSubmission(
    DateOnly? Date,
    string? Type,
    string? SubmitterId,
    string? ClinicalDataNodeId,
    string? GenomicDataCenterId,
    string? DiseaseType);
