using System.Globalization;
using System.Text.Json;
using GenomDE.Orleans.Domain.Reporting;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.Domain.Tokens;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.GrainInterfaces.Reporting;
using GenomDE.Orleans.Grains.Cases;

namespace GenomDE.Orleans.Grains.Reporting;

/// <summary>What a case adds to the platform counters. Counters are only ever sums of these, so a
/// case write moves them by exactly the difference between the case after and before it
/// (<see cref="ReportRows.Change"/>). Names are '|'-separated: kind, then dimensions.</summary>
public static class Contributions
{
    public const string Cases = "cases";
    public const string Submissions = "submissions";
    public const string Tokens = "tokens";
    public const string DetailedQc = "detailed-qc";
    public const string Weeks = "submissions-week";
    public const string TokenDays = "tokens-day";
    public const string ConfirmationHours = "confirmation-hours";
    public const string Overdue = "overdue";

    /// <summary>Everything a case adds: itself by status and each of its submissions.</summary>
    public static Dictionary<string, long> Of(CaseView? view)
    {
        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        if (view is null)
        {
            return counters;
        }

        counters[$"{Cases}|{Name(view.Status)}"] = 1;
        foreach (var s in view.Submissions)
        {
            Counters.AddTo(counters, Of(ReportRows.Submission(view, s)), 1);
            Counters.AddTo(counters, Timing(view, s), 1);
        }

        return counters;
    }

    public static Dictionary<string, long> Of(SubmissionRow s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var counters = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            [$"{Submissions}|{s.NodeId}|{WireNames.DataCategories.NameOf(s.DataCategory)}|{WireNames.SubmissionTypes.NameOf(s.SubmissionType)}|{Outcome(s)}"] = 1,
        };
        if (s.TokenIssued)
        {
            counters[$"{Tokens}|{s.NodeId}"] = 1;
        }

        if (s.DetailedQc != DetailedQcState.NotPerformed)
        {
            counters[$"{DetailedQc}|{s.NodeId}|{Name(s.DetailedQc)}"] = 1;
        }

        return counters;
    }

    /// <summary>When things happened to a real (non-test) submission: its ISO week, the day and delay
    /// of its Meldebestätigung (the token is decided in the write that accepts the check report, so
    /// that event's time is the confirmation's), and whether its check report is overdue.</summary>
    public static Dictionary<string, long> Timing(CaseView view, SubmissionView s)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(s);
        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        if (s.SubmissionType == SubmissionType.Test)
        {
            return counters;
        }

        var submitted = ServiceDates.Of(s.SubmittedAt).ToDateTime(TimeOnly.MinValue);
        counters[string.Create(CultureInfo.InvariantCulture, $"{Weeks}|{s.NodeId}|{ISOWeek.GetYear(submitted):D4}-W{ISOWeek.GetWeekOfYear(submitted):D2}")] = 1;
        if (s.Confirmation?.Code is not null
            && view.History.LastOrDefault(h => h.Tan == s.Tan && h.What.Contains("check report accepted", StringComparison.Ordinal)) is { } accepted)
        {
            counters[string.Create(CultureInfo.InvariantCulture, $"{TokenDays}|{ServiceDates.Of(accepted.At):yyyy-MM-dd}")] = 1;
            var hours = (long)Math.Floor(Math.Max(0, (accepted.At - s.SubmittedAt).TotalHours));
            counters[string.Create(CultureInfo.InvariantCulture, $"{ConfirmationHours}|{hours}")] = 1;
        }

        if (s.Report is null && view.History.Any(h => h.Tan == s.Tan && h.What.StartsWith(OverdueReports.EventPrefix, StringComparison.Ordinal)))
        {
            counters[$"{Overdue}|{s.NodeId}"] = 1;
        }

        return counters;
    }

    /// <summary>How far a submission got: its check report's verdict once there is one, else its
    /// basic QC verdict, else whether the node confirmed receipt.</summary>
    public static string Outcome(SubmissionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.ReportPassed switch
        {
            true => "reported_qc_passed",
            false => "reported_qc_failed",
            null => row.BasicQcPassed switch
            {
                true => "basic_qc_passed",
                false => "basic_qc_failed",
                null => row.Status == GrainInterfaces.Cases.SubmissionStatus.Submitted ? "submitted" : "received",
            },
        };
    }

    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
