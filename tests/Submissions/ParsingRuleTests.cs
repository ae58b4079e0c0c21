using System.Text.Json.Nodes;
using GenomDE.Orleans.Domain.Submissions;
using static GenomDE.Orleans.Tests.Submissions.MetadataDocument;

namespace GenomDE.Orleans.Tests.Submissions;

/// <summary>Shape, type, format and vocabulary rules: bad input becomes findings with paths, never
/// an exception.</summary>
public sealed class ParsingRuleTests
{
    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[1, 2]")]
    [InlineData("\"metadata\"")]
    [InlineData("{\"submission\": } ")]
    public void Malformed_json_is_refused_without_throwing(string json)
    {
        var report = MetadataValidator.Official.Validate(json);

        AssertRefused(report, MetadataRuleCodes.JsonMalformed, "$");
    }

    [Fact]
    public void Deeply_nested_garbage_is_refused_without_throwing()
    {
        var json = new string('[', 10_000) + new string(']', 10_000);

        AssertRefused(MetadataValidator.Official.Validate(json), MetadataRuleCodes.JsonMalformed, "$");
    }

    [Fact]
    public void An_empty_object_lists_the_missing_top_level_fields()
    {
        var report = MetadataValidator.Official.Validate("{}");

        AssertRefused(report, MetadataRuleCodes.FieldRequired, "$['$schema']");
        AssertRefused(report, MetadataRuleCodes.FieldRequired, "$.submission");
        AssertRefused(report, MetadataRuleCodes.FieldRequired, "$.donors");
    }

    [Fact]
    public void Every_value_of_the_wrong_type_is_reported_with_its_path()
    {
        var doc = Load(Trio);
        doc.Submission["tanG"] = 42;
        doc.Donor(1)["labData"] = "none";
        doc.SequenceData(0, 0)["meanDepthOfCoverage"] = "40";
        doc.SequenceData(0, 0)["nonCodingVariants"] = "yes";
        doc.File(0, 0, 0)["fileSizeInBytes"] = 1.5;
        doc.Donors.Add(7);

        var report = doc.Validate();

        AssertRefused(report, MetadataRuleCodes.FieldType, "$.submission.tanG");
        AssertRefused(report, MetadataRuleCodes.FieldType, "$.donors[1].labData");
        AssertRefused(report, MetadataRuleCodes.FieldType, "$.donors[0].labData[0].sequenceData.meanDepthOfCoverage");
        AssertRefused(report, MetadataRuleCodes.FieldType, "$.donors[0].labData[0].sequenceData.nonCodingVariants");
        AssertRefused(report, MetadataRuleCodes.FieldType, "$.donors[0].labData[0].sequenceData.files[0].fileSizeInBytes");
        AssertRefused(report, MetadataRuleCodes.FieldType, "$.donors[3]");
    }

    [Fact]
    public void A_missing_required_field_is_reported_with_its_path()
    {
        var doc = Load(Trio);
        doc.LabDatum(2, 0).Remove("libraryType");

        AssertRefused(doc.Validate(), MetadataRuleCodes.FieldRequired, "$.donors[2].labData[0].libraryType");
    }

    [Fact]
    public void Unknown_fields_are_tolerated()
    {
        var doc = Load(Trio);
        doc.Root["futureField"] = new JsonObject { ["x"] = 1 };
        doc.Submission["anotherNewField"] = "value";
        doc.File(0, 0, 0)["md5"] = "abc";

        Assert.True(doc.Validate().IsAccepted);
    }

    [Theory]
    [InlineData("2025-13-01")]
    [InlineData("15.09.2025")]
    [InlineData("2025-09-15T10:00:00Z")]
    public void Dates_must_be_iso_days(string date)
    {
        var doc = Load(Trio).WithSubmissionDate(date);

        AssertRefused(doc.Validate(), MetadataRuleCodes.DateFormat, "$.submission.submissionDate");
    }

    [Theory]
    [InlineData("https://raw.githubusercontent.com/BfArM-MVH/MVGenomseq/refs/tags/v1.1.0/GRZ/grz-schema.json")]
    [InlineData("https://raw.githubusercontent.com/BfArM-MVH/MVGenomseq/refs/tags/v1.4.0/GRZ/grz-schema.json")]
    [InlineData("https://example.org/grz-schema.json")]
    public void Only_schema_versions_1_1_1_to_1_3_1_are_supported(string schema)
    {
        var doc = Load(Trio);
        doc.Root["$schema"] = schema;

        AssertRefused(doc.Validate(), MetadataRuleCodes.SchemaVersionUnsupported, "$['$schema']");
    }

    [Theory]
    [InlineData("https://raw.githubusercontent.com/BfArM-MVH/MVGenomseq/refs/tags/v1.3.1/GRZ/grz-schema.json")]
    [InlineData("https://raw.githubusercontent.com/BfArM-MVH/MVGenomseq/refs/tags/v1.3/GRZ/grz-schema.json")]
    public void Supported_schema_urls_are_accepted(string schema)
    {
        var doc = Load(Trio);
        doc.Root["$schema"] = schema;

        Assert.True(doc.Validate().IsAccepted);
    }

    [Theory]
    [InlineData("tanG", "9e107d9d372bb6826bd81d3542a419d6cdebb5f6b8a32bdf8f7b77c61cbe3f3", MetadataRuleCodes.TanGFormat)]
    [InlineData("tanG", "ge107d9d372bb6826bd81d3542a419d6cdebb5f6b8a32bdf8f7b77c61cbe3f30", MetadataRuleCodes.TanGFormat)]
    [InlineData("submitterId", "12345678", MetadataRuleCodes.SubmitterIdFormat)]
    [InlineData("submitterId", "12345678a", MetadataRuleCodes.SubmitterIdFormat)]
    [InlineData("genomicDataCenterId", "GRZM0012", MetadataRuleCodes.GenomicDataCenterIdFormat)]
    [InlineData("genomicDataCenterId", "KDKM00456", MetadataRuleCodes.GenomicDataCenterIdFormat)]
    [InlineData("clinicalDataNodeId", "kdkM00456", MetadataRuleCodes.ClinicalDataNodeIdFormat)]
    [InlineData("clinicalDataNodeId", "GRZM00123", MetadataRuleCodes.ClinicalDataNodeIdFormat)]
    [InlineData("submissionType", "first", "submission_type_invalid")]
    [InlineData("coverageType", "gkv", "coverage_type_invalid")]
    [InlineData("diseaseType", "cancer", "disease_type_invalid")]
    [InlineData("genomicStudyType", "quartet", "genomic_study_type_invalid")]
    [InlineData("genomicStudySubtype", "germline", "genomic_study_subtype_invalid")]
    public void Submission_fields_must_fit_their_format(string field, string value, string rule)
    {
        var doc = Load(Trio);
        doc.Submission[field] = value;

        AssertRefused(doc.Validate(), rule, $"$.submission.{field}");
    }

    [Theory]
    [InlineData("gender", "divers", "gender_invalid")]
    [InlineData("relation", "cousin", "relation_invalid")]
    public void Donor_fields_must_fit_their_vocabulary(string field, string value, string rule)
    {
        var doc = Load(Trio);
        doc.Donor(1)[field] = value;

        AssertRefused(doc.Validate(), rule, $"$.donors[1].{field}");
    }

    [Theory]
    [InlineData("libraryType", "genome", "library_type_invalid")]
    [InlineData("sequenceType", "DNA", "sequence_type_invalid")]
    [InlineData("sequenceSubtype", "tumor", "sequence_subtype_invalid")]
    [InlineData("sequencingLayout", "paired", "sequencing_layout_invalid")]
    [InlineData("sampleConservation", "frozen", "sample_conservation_invalid")]
    [InlineData("fragmentationMethod", "shearing", "fragmentation_method_invalid")]
    [InlineData("enrichmentKitManufacturer", "Roche", "enrichment_kit_manufacturer_invalid")]
    public void Lab_datum_fields_must_fit_their_vocabulary(string field, string value, string rule)
    {
        var doc = Load(Trio);
        doc.LabDatum(1, 0)[field] = value;

        AssertRefused(doc.Validate(), rule, $"$.donors[1].labData[0].{field}");
    }

    [Fact]
    public void Reference_genome_must_be_grch37_or_grch38()
    {
        var doc = Load(Trio);
        doc.SequenceData(0, 0)["referenceGenome"] = "hg19";

        AssertRefused(doc.Validate(), "reference_genome_invalid", "$.donors[0].labData[0].sequenceData.referenceGenome");
    }

    [Theory]
    [InlineData("fileType", "cram", "file_type_invalid")]
    [InlineData("checksumType", "md5", "checksum_type_invalid")]
    [InlineData("readOrder", "R3", "read_order_invalid")]
    [InlineData("fileChecksum", "09e790af", MetadataRuleCodes.FileChecksumFormat)]
    public void File_fields_must_fit_their_format(string field, string value, string rule)
    {
        var doc = Load(Trio);
        doc.File(0, 0, 1)[field] = value;

        AssertRefused(doc.Validate(), rule, $"$.donors[0].labData[0].sequenceData.files[1].{field}");
    }

    [Fact]
    public void Mv_consent_modules_must_fit_their_vocabulary()
    {
        var doc = Load(Trio);
        var scope = doc.Donor(0)["mvConsent"]!["scope"]![0]!.AsObject();
        scope["type"] = "allow";
        scope["domain"] = "research";

        var report = doc.Validate();

        AssertRefused(report, "mv_consent_type_invalid", "$.donors[0].mvConsent.scope[0].type");
        AssertRefused(report, "mv_consent_domain_invalid", "$.donors[0].mvConsent.scope[0].domain");
    }

    [Theory]
    [InlineData("targetedRegionsAboveMinCoverage", 1.2)]
    [InlineData("meanDepthOfCoverage", -1)]
    public void Metrics_must_be_in_range(string field, double value)
    {
        var doc = Load(Trio);
        doc.SequenceData(0, 0)[field] = value;

        AssertRefused(doc.Validate(), MetadataRuleCodes.ValueOutOfRange, $"$.donors[0].labData[0].sequenceData.{field}");
    }

    [Fact]
    public void A_percentage_cannot_exceed_100()
    {
        var doc = Load(Trio);
        doc.SequenceData(0, 0)["percentBasesAboveQualityThreshold"]!["percent"] = 101;

        AssertRefused(doc.Validate(), MetadataRuleCodes.ValueOutOfRange, "$.donors[0].labData[0].sequenceData.percentBasesAboveQualityThreshold.percent");
    }

    [Fact]
    public void A_tumor_cell_count_is_a_percentage()
    {
        var doc = Load(Panel);
        doc.LabDatum(0, 0)["tumorCellCount"]![0]!["count"] = 150;

        AssertRefused(doc.Validate(), MetadataRuleCodes.ValueOutOfRange, "$.donors[0].labData[0].tumorCellCount[0].count");
    }
}
