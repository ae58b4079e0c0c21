using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.Domain.Reports;
using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Tests.Reports;

public sealed class CheckReportCrossCheckTests
{
    private const string Tan = "9e107d9d372bb6826bd81d3542a419d6cdebb5f6b8a32bdf8f7b77c61cbe3f30";

    private static readonly CheckReport Report = new(new DateOnly(2024, 10, 28), SubmissionType.Initial, Tan, "123456789", "GRZM00123",
        Indication.Oncological, DataCategory.Genomic, LibraryType.Wgs, CoverageType.Gkv, true);

    private static readonly ExpectedSubmission Expected = new(Tan, "123456789", "GRZM00123", Indication.Oncological,
        DataCategory.Genomic, SubmissionType.Initial, LibraryType.Wgs, CoverageType.Gkv);

    [Fact]
    public void A_report_that_matches_the_record_has_no_findings() =>
        Assert.Empty(CheckReportCrossCheck.Compare(Report, Expected));

    [Fact]
    public void The_tan_is_compared_without_regard_to_case() =>
        Assert.Empty(CheckReportCrossCheck.Compare(Report with { Tan = Tan.ToUpperInvariant() }, Expected));

    [Fact]
    public void An_unknown_expected_library_type_is_not_checked() =>
        Assert.Empty(CheckReportCrossCheck.Compare(Report with { LibraryType = LibraryType.Panel }, Expected with { LibraryType = null }));

    public static TheoryData<string, string, CheckReport> Mismatches => new()
    {
        { CheckReportRuleCodes.TanMismatch, "tan", Report with { Tan = new string('a', 64) } },
        { CheckReportRuleCodes.SubmitterIdMismatch, "submitterId", Report with { SubmitterId = "987654321" } },
        { CheckReportRuleCodes.DataNodeIdMismatch, "dataNodeId", Report with { DataNodeId = "GRZDD0004" } },
        { CheckReportRuleCodes.DiseaseTypeMismatch, "diseaseType", Report with { DiseaseType = Indication.Hereditary } },
        { CheckReportRuleCodes.DataCategoryMismatch, "dataCategory", Report with { DataCategory = DataCategory.Clinical } },
        { CheckReportRuleCodes.SubmissionTypeMismatch, "submissionType", Report with { SubmissionType = SubmissionType.Correction } },
        { CheckReportRuleCodes.LibraryTypeMismatch, "libraryType", Report with { LibraryType = LibraryType.Wes } },
        { CheckReportRuleCodes.CoverageTypeMismatch, "coverageType", Report with { CoverageType = CoverageType.Pkv } },
    };

    [Theory]
    [MemberData(nameof(Mismatches))]
    public void Each_field_that_reaches_the_confirmation_must_match_the_record(string rule, string field, CheckReport report)
    {
        var finding = Assert.Single(CheckReportCrossCheck.Compare(report, Expected));

        Assert.Equal(rule, finding.Rule);
        Assert.Equal($"$.SubmittedCase.{field}", finding.Path);
    }
}
