namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>The official minimum QC metrics for one sequencing set-up (BfArM "Qualitätssicherung
/// durch GRZ"). <see cref="MeanReadLength"/> is published for short reads only and is not checked
/// against metadata, which carries read lengths per file rather than a mean.</summary>
public sealed record QcThreshold(
    string GenomicStudySubtype,
    string LibraryType,
    string SequenceSubtype,
    double MeanDepthOfCoverage,
    int? MeanReadLength,
    BaseQualityThreshold PercentBasesAboveQualityThreshold,
    TargetCoverageThreshold TargetedRegionsAboveMinCoverage);

/// <summary>At least <see cref="Percent"/> % of bases must reach quality <see cref="MinimumQuality"/>.</summary>
public sealed record BaseQualityThreshold(double MinimumQuality, double Percent);

/// <summary>At least <see cref="Fraction"/> of the targets must be covered <see cref="MinCoverage"/>-fold.</summary>
public sealed record TargetCoverageThreshold(double MinCoverage, double Fraction);
