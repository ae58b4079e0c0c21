namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>Reported metrics against the official thresholds. Falling short refuses the submission
/// only for the index donor (whose data is billed); for relatives it is a warning. The reference
/// values themselves (minimumQuality, minCoverage) must be the official ones, for every donor:
/// a percentage measured against another quality or coverage level cannot be compared.</summary>
public sealed class ThresholdRules : IMetadataRule
{
    public void Check(MetadataValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var studySubtype = context.Metadata.Submission.GenomicStudySubtype;
        foreach (var entry in LabDatumEntry.All(context.Metadata))
        {
            var lab = entry.LabDatum;
            if (lab.SequenceData is not { } data)
            {
                continue;
            }

            var threshold = QcThresholds.Find(studySubtype, lab.LibraryType, lab.SequenceSubtype, lab.IsOncomine);
            if (threshold is null)
            {
                context.Warning(MetadataRuleCodes.ThresholdsUnknown, entry.Path,
                    $"No official thresholds for genomicStudySubtype '{studySubtype}', libraryType '{lab.LibraryType}', sequenceSubtype '{lab.SequenceSubtype}'; the metrics were not checked.");
                continue;
            }

            Check(context, entry, data, threshold);
        }
    }

    private static void Check(MetadataValidationContext context, LabDatumEntry entry, GdcSequenceData data, QcThreshold threshold)
    {
        var path = entry.SequenceDataPath;
        var qualityPath = GdcPaths.Field(path, "percentBasesAboveQualityThreshold");
        var quality = threshold.PercentBasesAboveQualityThreshold;
        var coverage = threshold.TargetedRegionsAboveMinCoverage;
        var setUp = $"{threshold.GenomicStudySubtype} / {threshold.LibraryType} / {threshold.SequenceSubtype}";

        if (data.PercentBasesAboveQualityThreshold.MinimumQuality is { } minimumQuality && minimumQuality != quality.MinimumQuality)
        {
            context.Error(MetadataRuleCodes.MinimumQualityNotOfficial, GdcPaths.Field(qualityPath, "minimumQuality"),
                FormattableString.Invariant($"minimumQuality must be the official {quality.MinimumQuality} for {setUp}, not {minimumQuality}."));
        }

        if (data.MinCoverage is { } minCoverage && minCoverage != coverage.MinCoverage)
        {
            context.Error(MetadataRuleCodes.MinCoverageNotOfficial, GdcPaths.Field(path, "minCoverage"),
                FormattableString.Invariant($"minCoverage must be the official {coverage.MinCoverage} for {setUp}, not {minCoverage}."));
        }

        var report = entry.Donor.IsIndex ? FindingSeverity.Error : FindingSeverity.Warning;
        if (data.MeanDepthOfCoverage is { } depth && depth < threshold.MeanDepthOfCoverage)
        {
            context.Findings.Add(report, MetadataRuleCodes.MeanDepthBelowThreshold, GdcPaths.Field(path, "meanDepthOfCoverage"),
                FormattableString.Invariant($"Mean depth of coverage {depth} is below the threshold {threshold.MeanDepthOfCoverage} for {setUp}."));
        }

        if (data.PercentBasesAboveQualityThreshold.Percent is { } percent && percent < quality.Percent)
        {
            context.Findings.Add(report, MetadataRuleCodes.QualityPercentBelowThreshold, GdcPaths.Field(qualityPath, "percent"),
                FormattableString.Invariant($"{percent} % of bases at or above Q{quality.MinimumQuality} is below the threshold {quality.Percent} % for {setUp}."));
        }

        if (data.TargetedRegionsAboveMinCoverage is { } fraction && fraction < coverage.Fraction)
        {
            context.Findings.Add(report, MetadataRuleCodes.TargetedRegionsBelowThreshold, GdcPaths.Field(path, "targetedRegionsAboveMinCoverage"),
                FormattableString.Invariant($"Fraction {fraction} of targets above {coverage.MinCoverage}x is below the threshold {coverage.Fraction} for {setUp}."));
        }
    }
}
