using GenomDE.Orleans.GrainInterfaces.Cases;

namespace GenomDE.Orleans.Grains.Cases;

/// <summary>Which submissions wait for their node's check report, and which of them are late.
/// Derived from the case alone, so a missed or doubled reminder tick changes nothing.</summary>
public static class OverdueReports
{
    public const string EventPrefix = "check report overdue from ";

    public static IEnumerable<SubmissionView> Awaiting(CaseView current) =>
        current.Submissions.Where(s => s.Report is null && s.Status is SubmissionStatus.QcPassed or SubmissionStatus.QcFailed);

    /// <summary>When the check report of <paramref name="submission"/> becomes overdue: its last
    /// basic QC plus <paramref name="dueAfter"/>; null when no report is owed or it was flagged already.
    /// The node's inbox carries it, so one reminder per inbox shard watches every deadline.</summary>
    public static DateTimeOffset? DueAt(CaseView current, SubmissionView submission, TimeSpan dueAfter) =>
        submission.Report is null && submission.Status is SubmissionStatus.QcPassed or SubmissionStatus.QcFailed
        && !current.History.Any(h => h.Tan == submission.Tan && h.What.StartsWith(EventPrefix, StringComparison.Ordinal))
        && current.History.LastOrDefault(h => h.Tan == submission.Tan && h.What.StartsWith("basic QC", StringComparison.Ordinal)) is { } qc
            ? qc.At + dueAfter
            : null;

    /// <summary>Submissions whose basic QC is older than <paramref name="dueAfter"/>, have no report
    /// and were not reported as overdue before.</summary>
    public static IReadOnlyList<SubmissionView> Newly(CaseView current, DateTimeOffset now, TimeSpan dueAfter) =>
        [.. current.Submissions.Where(s => DueAt(current, s, dueAfter) <= now)];
}
