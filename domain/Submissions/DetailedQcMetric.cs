namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>The three metrics detailed QC recomputes from the sequence data.</summary>
[GenerateSerializer, Alias("genomde.detailed-qc-metric")]
public enum DetailedQcMetric
{
    /// <summary>Percent of bases at or above the minimum base quality (Q30, or Q20 for long reads and Oncomine).</summary>
    PercentBasesAboveQualityThreshold = 0,
    MeanDepthOfCoverage = 1,

    /// <summary>Fraction (0–1) of target regions covered at least minCoverage-fold.</summary>
    TargetedRegionsAboveMinCoverage = 2,
}
