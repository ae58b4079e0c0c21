using GenomDE.Orleans.Domain.Reporting;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.Domain.Tokens;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.GrainInterfaces.Reporting;
using GenomDE.Orleans.Grains.Cases;

namespace GenomDE.Orleans.Grains.Reporting;

/// <summary>Turns a case into the rows the reporting buckets keep, one per submission (for the
/// quarterly report). Everything a row says follows from the case alone, so re-deriving it after a
/// replay gives the same row.</summary>
public static class ReportRows
{
    /// <summary>What a write from <paramref name="previous"/> to <paramref name="current"/> changes
    /// in reporting: the rows of the submissions that changed (a tombstone in the old bucket when a
    /// row moved to another day's) and the counter difference; null when nothing changed.</summary>
    public static ReportingChange? Change(CaseView? previous, CaseView current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var revision = current.History.Count;
        var rows = new List<PlacedFact>();
        foreach (var s in current.Submissions.Where(s => previous is null || !previous.Submissions.Contains(s)))
        {
            var row = Submission(current, s);
            var bucket = BucketOf(row);
            rows.Add(new PlacedFact(bucket, new ReportFact(row.Tan, revision, row)));
            if (previous?.Submissions.FirstOrDefault(p => p.Tan == s.Tan) is { } before
                && BucketOf(Submission(previous, before)) is var old && old != bucket)
            {
                rows.Add(new PlacedFact(old, new ReportFact(row.Tan, revision, null)));
            }
        }

        var counters = Counters.Difference(Contributions.Of(current), Contributions.Of(previous));
        return rows.Count == 0 && counters.Count == 0 ? null : new ReportingChange(rows, counters);
    }

    public static ReportFact SubmissionFact(CaseView current, SubmissionView submission) =>
        new(submission.Tan.ToLowerInvariant(), current.History.Count, Submission(current, submission));

    /// <summary>The day a submission counts on in the quarterly report, as grzctl counts: the day
    /// its data reached the node, or the metadata's submission date while no receipt came.</summary>
    public static DateOnly ReportDay(SubmissionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.ReceivedOn ?? row.SubmissionDate;
    }

    public static string BucketOf(SubmissionRow row) => ReportKeys.Bucket(row.NodeId, ReportDay(row), ReportKeys.ShardOf(row.Tan));

    public static SubmissionRow Submission(CaseView current, SubmissionView s)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(s);
        var index = s.Genomic?.Index;
        return new SubmissionRow(
            s.Tan.ToLowerInvariant(), s.NodeId, current.SubmitterId, s.SubmissionDate, s.DataCategory, s.SubmissionType, s.CoverageType, s.DiseaseType,
            s.Status,
            BasicQcPassed: s.BasicQc?.Passed,
            ReportPassed: s.Report?.DataQualityCheckPassed,
            TokenIssued: s.Confirmation?.Code is not null,
            MvConsent: s.Consent.MvSequencing,
            ResearchConsent: s.Consent.Research,
            GenomicStudyType: s.Genomic?.GenomicStudyType,
            GenomicStudySubtype: s.Genomic?.GenomicStudySubtype,
            IndexSequenceTypes: index is null ? null : Joined(index.LabData.Select(l => l.SequenceType)),
            IndexSequenceSubtypes: index is null ? null : Joined(index.LabData.Select(l => l.SequenceSubtype)),
            IndexLibraryTypes: index is null ? null : Joined(index.LabData.Select(l => l.LibraryType)),
            NoScopeJustifications: index is { NoScopeJustifications.Length: > 0 } ? index.NoScopeJustifications : null,
            DetailedQc: s.DetailedQc is null ? DetailedQcState.NotPerformed : s.DetailedQc.Passed ? DetailedQcState.Passed : DetailedQcState.Failed,
            DetailedQcFailure: s.DetailedQc is { Passed: false } failed ? Failure(s.Genomic, failed) : null,
            Revocations: Revocations(current.Submissions, s),
            LibraryType: s.LibraryType,
            ReceivedOn: s.ReceivedAt is { } received ? ServiceDates.Of(received) : null);
    }

    /// <summary>Revocations <paramref name="s"/> brought: for the index donor, the consent of the
    /// case's previous submission of the same data category; for every other donor, the last earlier
    /// submission that named the same donor pseudonym. Counted once, at the revoking submission.</summary>
    public static ConsentRevocations Revocations(IReadOnlyList<SubmissionView> submissions, SubmissionView s)
    {
        ArgumentNullException.ThrowIfNull(submissions);
        ArgumentNullException.ThrowIfNull(s);
        var earlier = submissions.TakeWhile(x => x.Tan != s.Tan).Where(x => x.DataCategory == s.DataCategory).ToList();
        var (mv, research) = CaseLifecycle.Revocations(earlier.LastOrDefault()?.Consent, s.Consent);
        int mvOthers = 0, researchOthers = 0;
        foreach (var donor in s.Genomic?.Donors.Where(d => !d.IsIndex) ?? [])
        {
            var before = earlier.Select(x => x.Genomic?.Donors.FirstOrDefault(d => !d.IsIndex && d.DonorPseudonym == donor.DonorPseudonym))
                .LastOrDefault(d => d is not null);
            mvOthers += before is { MvSequencing: true } && !donor.MvSequencing ? 1 : 0;
            researchOthers += before is { Research: true } && !donor.Research ? 1 : 0;
        }

        return new ConsentRevocations(mv ? 1 : 0, research ? 1 : 0, mvOthers, researchOthers);
    }

    private static DetailedQcFailure Failure(GenomicProfile? profile, DetailedQcResult result)
    {
        var donor = profile?.Donors.FirstOrDefault(d => d.DonorPseudonym == result.DonorPseudonym);
        var lab = donor?.LabData.FirstOrDefault(l => l.LabDataName == result.LabDataName);
        DetailedQcMetricResult? Metric(DetailedQcMetric metric) => result.Metrics.FirstOrDefault(m => m.Metric == metric);
        return new DetailedQcFailure(
            donor?.Relation ?? "", lab?.SequenceType ?? "", result.SequenceSubtype, result.LibraryType, lab?.MinimumQuality, lab?.MinCoverage,
            Metric(DetailedQcMetric.PercentBasesAboveQualityThreshold), Metric(DetailedQcMetric.MeanDepthOfCoverage),
            Metric(DetailedQcMetric.TargetedRegionsAboveMinCoverage), result.QcWorkflowVersion);
    }

    private static string Joined(IEnumerable<string> values) => string.Join(';', values.Where(v => v.Length > 0).Distinct().Order(StringComparer.Ordinal));
}
