using System.Text.Json;
using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Tests.Submissions;

/// <summary>Our threshold table against the official one (grz-pydantic-models' thresholds.json).</summary>
public sealed class QcThresholdsTests
{
    [Fact]
    public void Every_official_row_agrees_with_our_table()
    {
        using var official = JsonDocument.Parse(File.ReadAllText(Path.Combine(Conformance.Directory, "qc-thresholds.json")));
        var rows = official.RootElement.EnumerateArray().ToList();

        Assert.Equal(18, rows.Count);
        Assert.Equal(rows.Count, QcThresholds.All.Count);
        foreach (var row in rows)
        {
            var subtype = row.GetProperty("genomicStudySubtype").GetString();
            var library = row.GetProperty("libraryType").GetString();
            var sequence = row.GetProperty("sequenceSubtype").GetString();
            var t = row.GetProperty("thresholds");
            var ours = QcThresholds.Find(subtype, library, sequence);

            Assert.NotNull(ours);
            var what = $"{subtype}/{library}/{sequence}";
            Assert.True(t.GetProperty("meanDepthOfCoverage").GetDouble() == ours.MeanDepthOfCoverage, what);
            Assert.True((t.TryGetProperty("meanReadLength", out var readLength) ? readLength.GetInt32() : (int?)null) == ours.MeanReadLength, what);
            var quality = t.GetProperty("percentBasesAboveQualityThreshold");
            Assert.True(quality.GetProperty("qualityThreshold").GetDouble() == ours.PercentBasesAboveQualityThreshold.MinimumQuality, what);
            Assert.True(quality.GetProperty("percentBasesAbove").GetDouble() == ours.PercentBasesAboveQualityThreshold.Percent, what);
            var coverage = t.GetProperty("targetedRegionsAboveMinCoverage");
            Assert.True(coverage.GetProperty("minCoverage").GetDouble() == ours.TargetedRegionsAboveMinCoverage.MinCoverage, what);
            Assert.True(coverage.GetProperty("fractionAbove").GetDouble() == ours.TargetedRegionsAboveMinCoverage.Fraction, what);
        }
    }

    [Fact]
    public void Our_table_has_no_duplicate_keys()
    {
        Assert.Equal(
            QcThresholds.All.Count,
            QcThresholds.All.Select(t => (t.GenomicStudySubtype, t.LibraryType, t.SequenceSubtype)).Distinct().Count());
    }

    [Fact]
    public void Oncomine_panels_use_q20_and_70_percent()
    {
        var oncomine = QcThresholds.Find("tumor-only", "panel", "somatic", isOncomine: true)!;

        Assert.Equal(new BaseQualityThreshold(20, 70), oncomine.PercentBasesAboveQualityThreshold);
        Assert.Equal(200, oncomine.MeanDepthOfCoverage);
        Assert.Equal(new BaseQualityThreshold(30, 85), QcThresholds.Find("tumor-only", "wgs", "somatic", isOncomine: true)!.PercentBasesAboveQualityThreshold);
    }

    [Fact]
    public void Unlisted_set_ups_have_no_thresholds()
    {
        Assert.Null(QcThresholds.Find("germline-only", "wes", "germline"));
        Assert.Null(QcThresholds.Find(null, "wgs", "germline"));
    }
}
