using GenomDE.Orleans.GrainInterfaces.Cases;

namespace GenomDE.Orleans.Grains.Cases;

/// <summary>Which submissions wait for their node's check report, and which of them are late.
/// Derived from the case alone, so a missed or doubled reminder tick changes nothing.</summary>
public static class OverdueReports
{
    public const string EventPrefix = "check report overdue from ";

    public static IEnumerable<SubmissionView> Awaiting(CaseView current) =>
        current.Submissions.Where(s => s.Report is null && s.Status is SubmissionStatus.QcPassed or SubmissionStatus.QcFailed);

    /// <summary>Submissions whose basic QC is older than <paramref name="dueAfter"/>, have no report
    /// and were not reported as overdue before.</summary>
    public static IReadOnlyList<SubmissionView> Newly(CaseView current, DateTimeOffset now, TimeSpan dueAfter) =>
        [.. Awaiting(current).Where(s =>
            current.History.LastOrDefault(h => h.Tan == s.Tan && h.What.StartsWith("basic QC", StringComparison.Ordinal)) is { } qc
            && now - qc.At >= dueAfter
            && !current.History.Any(h => h.Tan == s.Tan && h.What.StartsWith(EventPrefix, StringComparison.Ordinal)))];
}
