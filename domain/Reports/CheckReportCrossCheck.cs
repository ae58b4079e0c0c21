using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Domain.Reports;

/// <summary>Compares a well-formed Prüfbericht with the submission the platform has on record. A
/// confirmation is issued on the strength of the report alone, so every field that ends up in the
/// confirmation's hash string (LE, node, report type, indication, data category, sequencing, payer)
/// must agree with the record.</summary>
public static class CheckReportCrossCheck
{
    public static IReadOnlyList<SubmissionFinding> Compare(CheckReport report, ExpectedSubmission expected)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(expected);
        var findings = new List<SubmissionFinding>();

        // The TAN travels in upper case in confirmations and lower case in metadata; hex is case-free.
        if (!string.Equals(report.Tan, expected.Tan, StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(Mismatch(CheckReportRuleCodes.TanMismatch, "tan", "The TAN does not name the submission on record."));
        }

        Check(findings, CheckReportRuleCodes.SubmitterIdMismatch, "submitterId", report.SubmitterId, expected.SubmitterId);
        Check(findings, CheckReportRuleCodes.DataNodeIdMismatch, "dataNodeId", report.DataNodeId, expected.NodeId);
        Check(findings, CheckReportRuleCodes.DiseaseTypeMismatch, "diseaseType",
            WireNames.DiseaseTypes.NameOf(report.DiseaseType), WireNames.DiseaseTypes.NameOf(expected.DiseaseType));
        Check(findings, CheckReportRuleCodes.DataCategoryMismatch, "dataCategory",
            WireNames.DataCategories.NameOf(report.DataCategory), WireNames.DataCategories.NameOf(expected.DataCategory));
        Check(findings, CheckReportRuleCodes.SubmissionTypeMismatch, "submissionType",
            WireNames.SubmissionTypes.NameOf(report.SubmissionType), WireNames.SubmissionTypes.NameOf(expected.SubmissionType));
        if (expected.LibraryType is { } library)
        {
            Check(findings, CheckReportRuleCodes.LibraryTypeMismatch, "libraryType",
                WireNames.LibraryTypes.NameOf(report.LibraryType), WireNames.LibraryTypes.NameOf(library));
        }

        Check(findings, CheckReportRuleCodes.CoverageTypeMismatch, "coverageType",
            WireNames.CoverageTypes.NameOf(report.CoverageType), WireNames.CoverageTypes.NameOf(expected.CoverageType));
        return findings;
    }

    private static void Check(List<SubmissionFinding> findings, string rule, string field, string reported, string expected)
    {
        if (!string.Equals(reported, expected, StringComparison.Ordinal))
        {
            findings.Add(Mismatch(rule, field, $"The report says '{reported}', the submission on record says '{expected}'."));
        }
    }

    private static SubmissionFinding Mismatch(string rule, string field, string message) =>
        new(rule, CheckReportPaths.Field(field), message);
}
