namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>One metric of one lab datum in detailed QC. <see cref="DeviationPercent"/> is
/// (recomputed − reported) / reported × 100, negative when the GDC measured less; it is null
/// only when the LE reported 0, where no relative deviation exists.</summary>
[GenerateSerializer, Immutable, Alias("genomde.detailed-qc-metric-result")]
public sealed record DetailedQcMetricResult(
    [property: Id(0)] DetailedQcMetric Metric,
    [property: Id(1)] double Reported,
    [property: Id(2)] double Recomputed,
    [property: Id(3)] double Required,
    [property: Id(4)] double? DeviationPercent,
    [property: Id(5)] DetailedQcStatus Status)
{
    public bool Passed => Status == DetailedQcStatus.Pass;
}
