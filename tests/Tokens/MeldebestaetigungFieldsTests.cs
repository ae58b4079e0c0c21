using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.Domain.Reports;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.Domain.Tokens;

namespace GenomDE.Orleans.Tests.Tokens;

/// <summary>The one-character field values against domain.md §5, through the whole path: a Prüfbericht
/// value goes in via FromCheckReport and must come out at its place in the hash string and back.</summary>
public sealed class MeldebestaetigungFieldsTests
{
    private static readonly CheckReport Report = new(new DateOnly(2025, 12, 3), SubmissionType.Initial, new string('a', 64),
        "260320597", "KDKTUE002", Indication.Rare, DataCategory.Clinical, LibraryType.Wgs, CoverageType.Gkv, true);

    private static string Field(CheckReport report, int number) =>
        MeldebestaetigungFormat.FromCheckReport(report, "NCEAZ2JEV4", new DateOnly(2025, 12, 3), 61).HashString.Split('&')[number - 1];

    public static TheoryData<CoverageType, string> Coverages => new()
    {
        { CoverageType.Gkv, "1" },
        { CoverageType.Pkv, "2" },
        { CoverageType.Bei, "3" },
        { CoverageType.Bg, "4" },
        { CoverageType.Sel, "4" },
        { CoverageType.Soz, "4" },
        { CoverageType.Gpv, "4" },
        { CoverageType.Ppv, "4" },
        { CoverageType.Skt, "4" },
        { CoverageType.Unk, "4" },
    };

    [Theory]
    [MemberData(nameof(Coverages))]
    public void Coverage_type_maps_to_the_payer_field(CoverageType coverage, string expected) =>
        Assert.Equal(expected, Field(Report with { CoverageType = coverage }, 8));

    [Fact]
    public void Every_coverage_type_is_in_the_table() =>
        Assert.Equal(Enum.GetValues<CoverageType>().Order(), Coverages.Select(row => row.Data.Item1).Order());

    public static TheoryData<LibraryType, string> LibraryTypes => new()
    {
        { LibraryType.None, "0" },
        { LibraryType.Wgs, "1" },
        { LibraryType.Wes, "2" },
        { LibraryType.Panel, "3" },
        { LibraryType.WgsLr, "4" },
    };

    [Theory]
    [MemberData(nameof(LibraryTypes))]
    public void Library_type_maps_to_the_sequencing_field(LibraryType library, string expected)
    {
        Assert.Equal(expected, Field(Report with { LibraryType = library }, 10));
        Assert.Equal(library, MeldebestaetigungFields.Sequencing.Parse(expected));
    }

    [Fact]
    public void Every_library_type_is_in_the_table() =>
        Assert.Equal(Enum.GetValues<LibraryType>().Order(), LibraryTypes.Select(row => row.Data.Item1).Order());

    public static TheoryData<SubmissionType, string> ReportTypes => new()
    {
        { SubmissionType.Initial, "0" },
        { SubmissionType.Followup, "1" },
        { SubmissionType.Addition, "2" },
        { SubmissionType.Correction, "3" },
        { SubmissionType.Test, "9" },
    };

    [Theory]
    [MemberData(nameof(ReportTypes))]
    public void Submission_type_maps_to_the_report_type_field(SubmissionType type, string expected)
    {
        Assert.Equal(expected, Field(Report with { SubmissionType = type }, 5));
        Assert.Equal(type, MeldebestaetigungFields.ReportTypes.Parse(expected));
    }

    [Fact]
    public void Every_report_type_is_in_the_table() =>
        Assert.Equal(Enum.GetValues<SubmissionType>().Order(), ReportTypes.Select(row => row.Data.Item1).Order());

    [Theory]
    [InlineData(Indication.Oncological, "O")]
    [InlineData(Indication.Rare, "R")]
    [InlineData(Indication.Hereditary, "H")]
    public void Disease_type_maps_to_the_indication_field(Indication indication, string expected) =>
        Assert.Equal(expected, Field(Report with { DiseaseType = indication }, 6));

    [Theory]
    [InlineData(DataCategory.Clinical, "KDKTUE002", "C")]
    [InlineData(DataCategory.Genomic, "GRZDD0004", "G")]
    public void Data_category_maps_to_its_letter(DataCategory category, string node, string expected) =>
        Assert.Equal(expected, Field(Report with { DataCategory = category, DataNodeId = node }, 9));

    [Theory]
    [InlineData(true, "1")]
    [InlineData(false, "0")]
    public void Qc_maps_to_its_digit(bool passed, string expected) =>
        Assert.Equal(expected, Field(Report with { DataQualityCheckPassed = passed }, 11));

    [Fact]
    public void The_product_is_always_9() => Assert.Equal("9", Field(Report, 7));
}
