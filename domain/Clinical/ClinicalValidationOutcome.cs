using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Domain.Clinical;

/// <summary>The parsed metaData (null when the text was not a JSON object) and every finding on it.</summary>
public sealed record ClinicalValidationOutcome(ClinicalMetadata? Metadata, SubmissionValidationReport Report)
{
    public bool IsAccepted => Metadata is not null && Report.IsAccepted;
}
