using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.Domain.Reports;
using GenomDE.Orleans.Domain.Submissions;
using static GenomDE.Orleans.Tests.Reports.CheckReportDocument;

namespace GenomDE.Orleans.Tests.Reports;

public sealed class CheckReportParserTests
{
    [Fact]
    public void The_official_example_is_accepted()
    {
        var result = CheckReportParser.Parse(ExampleJson);

        Assert.True(result.IsAccepted, string.Join("\n", result.Findings));
        Assert.Equal(
            new CheckReport(new DateOnly(2024, 10, 1), SubmissionType.Initial, "0A7B84E9A2F3C1D086FE24C05D8A6B890A7B84E9A2F3C1D086FE24C05D8A6B89",
                "000000000", "KDKK00000", Indication.Oncological, DataCategory.Clinical, LibraryType.Panel, CoverageType.Gkv, true),
            result.Report);
    }

    [Fact]
    public void A_written_report_reads_back_equal()
    {
        var report = CheckReportParser.Parse(ExampleJson).Report!;
        var genomic = report with { DataNodeId = "GRZDD0004", DataCategory = DataCategory.Genomic, LibraryType = LibraryType.WgsLr, CoverageType = CoverageType.Bei, SubmissionType = SubmissionType.Followup };

        Assert.Equal(genomic, CheckReportParser.Parse(CheckReportWriter.ToJson(genomic)).Report);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("\"SubmittedCase\"")]
    [InlineData("null")]
    public void Text_that_is_no_json_object_is_refused_without_throwing(string json) =>
        AssertRefused(CheckReportParser.Parse(json), MetadataRuleCodes.JsonMalformed, "$");

    [Fact]
    public void Null_input_is_refused_without_throwing() =>
        AssertRefused(CheckReportParser.Parse(null!), MetadataRuleCodes.JsonMalformed, "$");

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"submittedCase\": {}}")]
    public void The_submitted_case_is_required(string json) =>
        AssertRefused(CheckReportParser.Parse(json), MetadataRuleCodes.FieldRequired, "$.SubmittedCase");

    [Fact]
    public void A_submitted_case_that_is_no_object_is_refused() =>
        AssertRefused(CheckReportParser.Parse("{\"SubmittedCase\": [1]}"), MetadataRuleCodes.FieldType, "$.SubmittedCase");

    [Theory]
    [InlineData("submissionDate")]
    [InlineData("submissionType")]
    [InlineData("tan")]
    [InlineData("submitterId")]
    [InlineData("dataNodeId")]
    [InlineData("diseaseType")]
    [InlineData("dataCategory")]
    [InlineData("libraryType")]
    [InlineData("coverageType")]
    [InlineData("dataQualityCheckPassed")]
    public void Every_field_is_required(string field) =>
        AssertRefused(Load().Without(field).Parse(), MetadataRuleCodes.FieldRequired, $"$.SubmittedCase.{field}");

    [Fact]
    public void Unknown_fields_are_refused_as_the_official_model_forbids_them()
    {
        var doc = Load().With("dataQualityCheckPased", true);

        AssertRefused(doc.Parse(), CheckReportRuleCodes.FieldUnknown, "$.SubmittedCase.dataQualityCheckPased");
    }

    [Fact]
    public void Unknown_top_level_fields_are_refused()
    {
        var doc = Load();
        doc.Root["version"] = "0.4";

        AssertRefused(doc.Parse(), CheckReportRuleCodes.FieldUnknown, "$.version");
    }

    [Theory]
    [InlineData("dataQualityCheckPassed", "\"true\"")]
    [InlineData("tan", "42")]
    [InlineData("submissionDate", "20241001")]
    public void Values_of_the_wrong_json_type_are_refused(string field, string value) =>
        AssertRefused(Load().With(field, System.Text.Json.Nodes.JsonNode.Parse(value)).Parse(), MetadataRuleCodes.FieldType, $"$.SubmittedCase.{field}");

    [Theory]
    [InlineData("01.10.2024")]
    [InlineData("2024-02-30")]
    [InlineData("2024-10-01T00:00:00Z")]
    public void The_submission_date_must_be_an_iso_day(string date) =>
        AssertRefused(Load().With("submissionDate", date).Parse(), MetadataRuleCodes.DateFormat, "$.SubmittedCase.submissionDate");

    [Theory]
    [InlineData("0A7B84E9")]
    [InlineData("GA7B84E9A2F3C1D086FE24C05D8A6B890A7B84E9A2F3C1D086FE24C05D8A6B89")]
    public void The_tan_must_be_64_hex_characters(string tan) =>
        AssertRefused(Load().With("tan", tan).Parse(), CheckReportRuleCodes.TanFormat, "$.SubmittedCase.tan");

    [Fact]
    public void A_redacted_tan_is_refused() =>
        AssertRefused(Load().With("tan", new string('0', 64)).Parse(), CheckReportRuleCodes.TanRedacted, "$.SubmittedCase.tan");

    [Fact]
    public void The_submitter_id_must_be_an_ik() =>
        AssertRefused(Load().With("submitterId", "12345678").Parse(), CheckReportRuleCodes.SubmitterIdFormat, "$.SubmittedCase.submitterId");

    [Theory]
    [InlineData("KDK00000")]
    [InlineData("XYZK00000")]
    [InlineData("kdkk00000")]
    public void The_data_node_id_must_be_a_node_id(string nodeId) =>
        AssertRefused(Load().With("dataNodeId", nodeId).Parse(), CheckReportRuleCodes.DataNodeIdFormat, "$.SubmittedCase.dataNodeId");

    [Theory]
    [InlineData("submissionType", "Initial", CheckReportRuleCodes.SubmissionTypeInvalid)]
    [InlineData("diseaseType", "rare-disease", CheckReportRuleCodes.DiseaseTypeInvalid)]
    [InlineData("dataCategory", "genetic", CheckReportRuleCodes.DataCategoryInvalid)]
    [InlineData("libraryType", "wxs", CheckReportRuleCodes.LibraryTypeInvalid)]
    [InlineData("libraryType", "panel_lr", CheckReportRuleCodes.LibraryTypeInvalid)]
    [InlineData("coverageType", "gkv", CheckReportRuleCodes.CoverageTypeInvalid)]
    public void Values_outside_the_official_lists_are_refused(string field, string value, string rule) =>
        AssertRefused(Load().With(field, value).Parse(), rule, $"$.SubmittedCase.{field}");

    [Fact]
    public void A_genomic_report_must_come_from_a_grz() =>
        AssertRefused(Load().With("dataCategory", "genomic").Parse(), CheckReportRuleCodes.DataNodeKindMismatch, "$.SubmittedCase.dataNodeId");

    [Fact]
    public void A_clinical_report_must_come_from_a_kdk() =>
        AssertRefused(Load().With("dataNodeId", "GRZDD0004").Parse(), CheckReportRuleCodes.DataNodeKindMismatch, "$.SubmittedCase.dataNodeId");

    [Fact]
    public void A_genomic_report_names_the_sequencing_done()
    {
        var doc = Load().With("dataCategory", "genomic").With("dataNodeId", "GRZDD0004").With("libraryType", "none");

        AssertRefused(doc.Parse(), CheckReportRuleCodes.GenomicLibraryTypeNone, "$.SubmittedCase.libraryType");
    }

    [Fact]
    public void A_clinical_report_without_sequencing_is_accepted()
    {
        var result = Load().With("libraryType", "none").With("dataQualityCheckPassed", false).Parse();

        Assert.True(result.IsAccepted);
        Assert.Equal(LibraryType.None, result.Report!.LibraryType);
        Assert.False(result.Report.DataQualityCheckPassed);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var result = Load().With("tan", "x").With("submitterId", "1").With("coverageType", "AOK").Parse();

        Assert.Equal(
            [CheckReportRuleCodes.TanFormat, CheckReportRuleCodes.SubmitterIdFormat, CheckReportRuleCodes.CoverageTypeInvalid],
            result.Findings.Select(f => f.Rule));
    }
}
