namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>The analysis of one lab datum: reference, reported QC metrics, files.</summary>
public sealed record GdcSequenceData(
    string? BioinformaticsPipelineName,
    string? BioinformaticsPipelineVersion,
    string? ReferenceGenome,
    GdcBaseQuality PercentBasesAboveQualityThreshold,
    double? MeanDepthOfCoverage,
    double? MinCoverage,
    double? TargetedRegionsAboveMinCoverage,
    bool? NonCodingVariants,
    IReadOnlyList<GdcCaller> CallerUsed,
    IReadOnlyList<GdcFile> Files);

public sealed record GdcBaseQuality(double? MinimumQuality, double? Percent);

public sealed record GdcCaller(string? Name, string? Version);
