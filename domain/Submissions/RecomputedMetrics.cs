namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>What the GDC's QC workflow measured for one lab datum. Units as in metadata.json:
/// percent 0–100, depth as fold coverage, target coverage as a fraction 0–1.</summary>
[GenerateSerializer, Immutable, Alias("genomde.recomputed-metrics")]
public sealed record RecomputedMetrics(
    [property: Id(0)] double PercentBasesAboveQualityThreshold,
    [property: Id(1)] double MeanDepthOfCoverage,
    [property: Id(2)] double TargetedRegionsAboveMinCoverage);
