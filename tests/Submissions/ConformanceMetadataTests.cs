using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Tests.Submissions;

/// <summary>The real grz-tools examples: valid ones pass basic metadata QC, invalid ones are
/// refused for the reason their file name gives.</summary>
public sealed class ConformanceMetadataTests
{
    public static TheoryData<string> ValidFiles() => [.. Conformance.MetadataFileNames("valid")];

    [Fact]
    public void The_conformance_folder_holds_the_expected_examples()
    {
        Assert.Equal(6, Conformance.MetadataFileNames("valid").Count);
        Assert.Equal(
            ["duplicate-run-id.json", "incompatible-reference-genomes.json", "missing-fastq-r2.json", "missing-read-order.json", "missing-target-regions.json", "missing-vcf-file.json"],
            Conformance.MetadataFileNames("invalid"));
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void Every_valid_example_is_accepted(string file)
    {
        var report = MetadataValidator.Official.Validate(Conformance.ReadMetadata("valid", file));

        Assert.True(report.IsAccepted, MetadataDocument.Describe(report));
    }

    [Theory]
    [InlineData("duplicate-run-id.json", MetadataRuleCodes.RunIdDuplicate, "$.donors[0].labData[0].sequenceData.files[2]")]
    [InlineData("incompatible-reference-genomes.json", MetadataRuleCodes.ReferenceGenomeMixed, "$.donors[0].labData[1].sequenceData.referenceGenome")]
    [InlineData("missing-fastq-r2.json", MetadataRuleCodes.PairedEndReadsUnpaired, "$.donors[0].labData[0].sequenceData.files")]
    [InlineData("missing-read-order.json", MetadataRuleCodes.ReadOrderMissing, "$.donors[0].labData[0].sequenceData.files[1].readOrder")]
    [InlineData("missing-target-regions.json", MetadataRuleCodes.TargetRegionsMissing, "$.donors[0].labData[1].sequenceData.files")]
    public void Every_invalid_example_is_refused_by_the_rule_it_names(string file, string rule, string path)
    {
        var report = MetadataValidator.Official.Validate(Conformance.ReadMetadata("invalid", file));

        MetadataDocument.AssertRefused(report, rule, path);
    }

    [Theory]
    [InlineData("duplicate-run-id.json", new[] { MetadataRuleCodes.RunIdDuplicate })]
    [InlineData("incompatible-reference-genomes.json", new[] { MetadataRuleCodes.ReferenceGenomeMixed })]
    [InlineData("missing-fastq-r2.json", new[] { MetadataRuleCodes.PairedEndReadsUnpaired })]
    [InlineData("missing-read-order.json", new[] { MetadataRuleCodes.ReadOrderMissing, MetadataRuleCodes.RunIdDuplicate })]
    [InlineData("missing-target-regions.json", new[] { MetadataRuleCodes.TargetRegionsMissing })]
    public void Invalid_examples_are_refused_for_nothing_else(string file, string[] rules)
    {
        var report = MetadataValidator.Official.Validate(Conformance.ReadMetadata("invalid", file));

        Assert.Equal(rules.Order(StringComparer.Ordinal), report.Errors.Select(e => e.Rule).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_missing_vcf_is_only_a_warning()
    {
        var report = MetadataValidator.Official.Validate(Conformance.ReadMetadata("invalid", "missing-vcf-file.json"));

        MetadataDocument.AssertWarnedOnly(report, MetadataRuleCodes.VcfMissing, "$.donors[0].labData[0].sequenceData.files");
        Assert.Empty(report.Errors);
    }
}
