using GenomDE.Orleans.Domain.Submissions;
using static GenomDE.Orleans.Tests.Submissions.MetadataDocument;

namespace GenomDE.Orleans.Tests.Submissions;

/// <summary>Reported metrics against the official thresholds: refusal for the index, a warning for
/// relatives; the reference levels must be the official ones for everybody.</summary>
public sealed class ThresholdRuleTests
{
    private const string IndexData = "$.donors[0].labData[0].sequenceData";
    private const string MotherData = "$.donors[1].labData[0].sequenceData";

    [Fact]
    public void Low_mean_depth_refuses_the_index()
    {
        var doc = Load(Trio);
        doc.SequenceData(0, 0)["meanDepthOfCoverage"] = 29.9;

        AssertRefused(doc.Validate(), MetadataRuleCodes.MeanDepthBelowThreshold, $"{IndexData}.meanDepthOfCoverage");
    }

    [Fact]
    public void Low_mean_depth_of_a_relative_is_a_warning()
    {
        var doc = Load(Trio);
        doc.SequenceData(1, 0)["meanDepthOfCoverage"] = 29.9;

        AssertWarnedOnly(doc.Validate(), MetadataRuleCodes.MeanDepthBelowThreshold, $"{MotherData}.meanDepthOfCoverage");
    }

    [Fact]
    public void Low_base_quality_refuses_the_index()
    {
        var doc = Load(Trio);
        doc.SequenceData(0, 0)["percentBasesAboveQualityThreshold"]!["percent"] = 84.9;

        AssertRefused(doc.Validate(), MetadataRuleCodes.QualityPercentBelowThreshold, $"{IndexData}.percentBasesAboveQualityThreshold.percent");
    }

    [Fact]
    public void Low_base_quality_of_a_relative_is_a_warning()
    {
        var doc = Load(Trio);
        doc.SequenceData(2, 0)["percentBasesAboveQualityThreshold"]!["percent"] = 80;

        AssertWarnedOnly(doc.Validate(), MetadataRuleCodes.QualityPercentBelowThreshold, "$.donors[2].labData[0].sequenceData.percentBasesAboveQualityThreshold.percent");
    }

    [Fact]
    public void Low_target_coverage_refuses_the_index()
    {
        var doc = Load(Trio);
        doc.SequenceData(0, 0)["targetedRegionsAboveMinCoverage"] = 0.79;

        AssertRefused(doc.Validate(), MetadataRuleCodes.TargetedRegionsBelowThreshold, $"{IndexData}.targetedRegionsAboveMinCoverage");
    }

    [Fact]
    public void Low_target_coverage_of_a_relative_is_a_warning()
    {
        var doc = Load(Trio);
        doc.SequenceData(1, 0)["targetedRegionsAboveMinCoverage"] = 0.5;

        AssertWarnedOnly(doc.Validate(), MetadataRuleCodes.TargetedRegionsBelowThreshold, $"{MotherData}.targetedRegionsAboveMinCoverage");
    }

    [Fact]
    public void Exactly_the_threshold_passes()
    {
        var doc = Load(Trio);
        doc.SequenceData(0, 0)["meanDepthOfCoverage"] = 30;
        doc.SequenceData(0, 0)["percentBasesAboveQualityThreshold"]!["percent"] = 85;
        doc.SequenceData(0, 0)["targetedRegionsAboveMinCoverage"] = 0.8;

        var report = doc.Validate();

        Assert.True(report.IsAccepted, Describe(report));
    }

    [Fact]
    public void Minimum_quality_must_be_the_official_value_even_for_relatives()
    {
        var doc = Load(Trio);
        doc.SequenceData(1, 0)["percentBasesAboveQualityThreshold"]!["minimumQuality"] = 20;

        AssertRefused(doc.Validate(), MetadataRuleCodes.MinimumQualityNotOfficial, $"{MotherData}.percentBasesAboveQualityThreshold.minimumQuality");
    }

    [Fact]
    public void Min_coverage_must_be_the_official_value_even_for_relatives()
    {
        var doc = Load(Trio);
        doc.SequenceData(1, 0)["minCoverage"] = 30;

        AssertRefused(doc.Validate(), MetadataRuleCodes.MinCoverageNotOfficial, $"{MotherData}.minCoverage");
    }

    [Fact]
    public void Oncomine_panels_are_judged_at_q20()
    {
        var oncomine = Load(Oncomine).Validate();
        var doc = Load(Oncomine);
        doc.LabDatum(0, 0)["kitName"] = "KAPA Hyper Prep";

        Assert.True(oncomine.IsAccepted, Describe(oncomine));
        AssertRefused(doc.Validate(), MetadataRuleCodes.MinimumQualityNotOfficial, $"{IndexData}.percentBasesAboveQualityThreshold.minimumQuality");
    }

    [Fact]
    public void A_set_up_without_official_thresholds_is_a_warning()
    {
        var doc = Load(Trio);
        doc.LabDatum(1, 0)["libraryType"] = "other";

        AssertWarnedOnly(doc.Validate(), MetadataRuleCodes.ThresholdsUnknown, "$.donors[1].labData[0]");
    }
}
