using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Domain.Qc;

/// <summary>Judges the GDC's recomputed metrics against what the LE reported, per metric, as the
/// official GRZ QC workflow does (report.csv <c>…QCStatus</c> columns): THRESHOLD NOT MET when the
/// reported value is below the official threshold, else TOO LOW when the recomputed value deviates
/// by more than −10 % from the reported one, else PASS. Exactly −10 % still passes.</summary>
public static class DetailedQcEvaluator
{
    /// <summary>How far (in percent) the recomputed value may fall below the reported one.</summary>
    public const double MaximumShortfallPercent = 10;

    public static DetailedQcMetricResult EvaluateMetric(DetailedQcMetric metric, double reported, double recomputed, double required)
    {
        // A report of 0 has no relative deviation; the official workflow then gives no verdict,
        // but 0 is below every official threshold, so THRESHOLD NOT MET is the honest answer.
        double? deviation = reported == 0 ? null : (recomputed - reported) / reported * 100;
        var status = reported < required ? DetailedQcStatus.ThresholdNotMet
            : deviation < -MaximumShortfallPercent ? DetailedQcStatus.TooLow
            : DetailedQcStatus.Pass;
        return new DetailedQcMetricResult(metric, reported, recomputed, required, deviation, status);
    }

    /// <summary>Detailed QC of one lab datum against the official thresholds for its set-up
    /// (<see cref="QcThresholds.Find"/>). Null when the set-up has no official thresholds or the LE
    /// reported no complete metrics for it: such a lab datum cannot be judged, and basic QC has
    /// already said so (thresholds_unknown, field_required).</summary>
    public static DetailedQcResult? Evaluate(
        string? genomicStudySubtype,
        string donorPseudonym,
        GdcLabDatum labDatum,
        RecomputedMetrics recomputed,
        string qcWorkflowVersion)
    {
        ArgumentNullException.ThrowIfNull(labDatum);
        ArgumentNullException.ThrowIfNull(recomputed);
        ArgumentException.ThrowIfNullOrWhiteSpace(qcWorkflowVersion);
        var threshold = QcThresholds.Find(genomicStudySubtype, labDatum.LibraryType, labDatum.SequenceSubtype, labDatum.IsOncomine);
        if (threshold is null
            || labDatum.SequenceData is not { } reported
            || reported.PercentBasesAboveQualityThreshold.Percent is not { } quality
            || reported.MeanDepthOfCoverage is not { } depth
            || reported.TargetedRegionsAboveMinCoverage is not { } targets)
        {
            return null;
        }

        IReadOnlyList<DetailedQcMetricResult> metrics =
        [
            EvaluateMetric(DetailedQcMetric.PercentBasesAboveQualityThreshold, quality, recomputed.PercentBasesAboveQualityThreshold, threshold.PercentBasesAboveQualityThreshold.Percent),
            EvaluateMetric(DetailedQcMetric.MeanDepthOfCoverage, depth, recomputed.MeanDepthOfCoverage, threshold.MeanDepthOfCoverage),
            EvaluateMetric(DetailedQcMetric.TargetedRegionsAboveMinCoverage, targets, recomputed.TargetedRegionsAboveMinCoverage, threshold.TargetedRegionsAboveMinCoverage.Fraction),
        ];
        return new DetailedQcResult(donorPseudonym, labDatum.LabDataName ?? "", labDatum.LibraryType ?? "", labDatum.SequenceSubtype ?? "", metrics, qcWorkflowVersion);
    }
}
