using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.GrainInterfaces.Reporting;
using GenomDE.Orleans.GrainInterfaces.Submissions;
using GenomDE.Orleans.Grains.Cases;

namespace GenomDE.Orleans.Grains.Reporting;

/// <summary>Turns a case into the rows the reporting buckets keep: one per submission (for the
/// quarterly report and the node statistics) and one per case (for cases by status). Everything a
/// row says follows from the case alone, so re-deriving it after a replay gives the same row.</summary>
public static class ReportRows
{
    public static ReportFact CaseFact(CaseView current) =>
        new(CaseKeys.Of(current.SubmitterId, current.LocalCaseId), current.History.Count, null,
            new CaseRow(CaseKeys.Of(current.SubmitterId, current.LocalCaseId), current.SubmitterId, RegisteredOn(current), current.Status));

    public static ReportFact SubmissionFact(CaseView current, SubmissionView submission) =>
        new(submission.Tan.ToLowerInvariant(), current.History.Count, Submission(current, submission), null);

    /// <summary>The day the case was registered (UTC): its first event.</summary>
    public static DateOnly RegisteredOn(CaseView current) =>
        DateOnly.FromDateTime((current.History.Count > 0 ? current.History[0].At : DateTimeOffset.UnixEpoch).UtcDateTime);

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
            LibraryType: s.LibraryType);
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
