using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Domain.Reports;

/// <summary>Turns the findings the shared JSON reader collects into the serializable form that
/// travels to the REST edge.</summary>
public static class SubmissionFindings
{
    public static SubmissionFinding ToSubmissionFinding(this MetadataFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new SubmissionFinding(finding.Rule, finding.Path, finding.Message);
    }

    public static SubmissionValidationReport ToSubmissionReport(this MetadataValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new SubmissionValidationReport(
            [.. report.Errors.Select(ToSubmissionFinding)],
            [.. report.Warnings.Select(ToSubmissionFinding)]);
    }
}
