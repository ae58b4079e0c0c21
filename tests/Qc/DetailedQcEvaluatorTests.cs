using GenomDE.Orleans.Domain.Qc;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.Tests.Submissions;

namespace GenomDE.Orleans.Tests.Qc;

public sealed class DetailedQcEvaluatorTests
{
    private const DetailedQcMetric Depth = DetailedQcMetric.MeanDepthOfCoverage;

    [Theory]
    [InlineData(45.0, 44.0, 30.0, DetailedQcStatus.Pass)]
    [InlineData(30.0, 30.0, 30.0, DetailedQcStatus.Pass)] // reported exactly at the threshold meets it
    [InlineData(29.99, 29.99, 30.0, DetailedQcStatus.ThresholdNotMet)]
    [InlineData(29.0, 10.0, 30.0, DetailedQcStatus.ThresholdNotMet)] // threshold first, even when also too low
    [InlineData(50.0, 45.0, 30.0, DetailedQcStatus.Pass)] // exactly −10 % is not "more than 10 % below"
    [InlineData(50.0, 44.99, 30.0, DetailedQcStatus.TooLow)]
    [InlineData(50.0, 20.0, 30.0, DetailedQcStatus.TooLow)] // recomputed below the threshold is judged by deviation
    [InlineData(50.0, 80.0, 30.0, DetailedQcStatus.Pass)] // measuring more than reported is no fault
    public void Each_metric_gets_the_official_verdict(double reported, double recomputed, double required, DetailedQcStatus expected) =>
        Assert.Equal(expected, DetailedQcEvaluator.EvaluateMetric(Depth, reported, recomputed, required).Status);

    [Fact]
    public void The_deviation_is_relative_to_the_reported_value_in_percent()
    {
        var result = DetailedQcEvaluator.EvaluateMetric(Depth, 30.0, 19.94, 30.0);

        Assert.Equal(-33.5333, result.DeviationPercent!.Value, 4);
        Assert.Equal((30.0, 19.94, 30.0), (result.Reported, result.Recomputed, result.Required));
    }

    [Fact]
    public void A_reported_zero_has_no_deviation_and_misses_the_threshold()
    {
        var result = DetailedQcEvaluator.EvaluateMetric(DetailedQcMetric.TargetedRegionsAboveMinCoverage, 0, 0.9, 0.8);

        Assert.Null(result.DeviationPercent);
        Assert.Equal(DetailedQcStatus.ThresholdNotMet, result.Status);
    }

    [Fact]
    public void A_lab_datum_is_judged_on_all_three_metrics_against_its_official_thresholds()
    {
        var (labDatum, pseudonym) = IndexGermline(MetadataDocument.WgsTumorGermline);
        var reported = labDatum.SequenceData!;
        var recomputed = new RecomputedMetrics(
            reported.PercentBasesAboveQualityThreshold.Percent!.Value,
            reported.MeanDepthOfCoverage!.Value * 0.85,
            reported.TargetedRegionsAboveMinCoverage!.Value);

        var result = DetailedQcEvaluator.Evaluate("tumor+germline", pseudonym, labDatum, recomputed, "2.1.0+nonredundant")!;

        Assert.Equal("2.1.0+nonredundant", result.QcWorkflowVersion);
        Assert.False(result.Passed);
        var failed = Assert.Single(result.Failed);
        Assert.Equal((DetailedQcMetric.MeanDepthOfCoverage, DetailedQcStatus.TooLow, 30.0), (failed.Metric, failed.Status, failed.Required));
        Assert.Equal(-15, failed.DeviationPercent!.Value, 6);
        Assert.Equal(85, result.Metrics.Single(m => m.Metric == DetailedQcMetric.PercentBasesAboveQualityThreshold).Required);
        Assert.Equal(0.8, result.Metrics.Single(m => m.Metric == DetailedQcMetric.TargetedRegionsAboveMinCoverage).Required);
    }

    [Fact]
    public void Recomputed_values_equal_to_the_reported_ones_pass()
    {
        var (labDatum, pseudonym) = IndexGermline(MetadataDocument.WgsTumorGermline);
        var reported = labDatum.SequenceData!;
        var recomputed = new RecomputedMetrics(reported.PercentBasesAboveQualityThreshold.Percent!.Value, reported.MeanDepthOfCoverage!.Value, reported.TargetedRegionsAboveMinCoverage!.Value);

        Assert.True(DetailedQcEvaluator.Evaluate("tumor+germline", pseudonym, labDatum, recomputed, "2.1.0")!.Passed);
    }

    [Fact]
    public void Oncomine_panels_are_held_to_q20_and_70_percent()
    {
        var (labDatum, pseudonym) = Index(MetadataDocument.Oncomine, 0);
        var recomputed = new RecomputedMetrics(75, labDatum.SequenceData!.MeanDepthOfCoverage!.Value, 1.0);

        var quality = DetailedQcEvaluator.Evaluate("tumor-only", pseudonym, labDatum with { SequenceData = labDatum.SequenceData with { PercentBasesAboveQualityThreshold = new GdcBaseQuality(20, 75) } }, recomputed, "2.1.0")!
            .Metrics.Single(m => m.Metric == DetailedQcMetric.PercentBasesAboveQualityThreshold);

        Assert.Equal((70.0, DetailedQcStatus.Pass), (quality.Required, quality.Status));
    }

    [Fact]
    public void A_set_up_without_official_thresholds_cannot_be_judged()
    {
        var (labDatum, pseudonym) = IndexGermline(MetadataDocument.WgsTumorGermline);

        Assert.Null(DetailedQcEvaluator.Evaluate("tumor+germline", pseudonym, labDatum with { LibraryType = "wxs" }, new RecomputedMetrics(90, 40, 1), "2.1.0"));
    }

    private static (GdcLabDatum LabDatum, string Pseudonym) IndexGermline(string file)
    {
        var metadata = Parse(file);
        var index = metadata.Donors.Single(d => d.IsIndex);
        return (index.LabData.First(l => l.SequenceSubtype == "germline"), index.DonorPseudonym!);
    }

    private static (GdcLabDatum LabDatum, string Pseudonym) Index(string file, int labDatum)
    {
        var index = Parse(file).Donors.Single(d => d.IsIndex);
        return (index.LabData[labDatum], index.DonorPseudonym!);
    }

    private static GdcMetadata Parse(string file) =>
        GdcMetadataParser.Parse(Conformance.ReadMetadata("valid", file), new MetadataFindings())!;
}
