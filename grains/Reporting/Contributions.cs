using System.Text.Json;
using GenomDE.Orleans.Domain.Reporting;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.GrainInterfaces.Reporting;

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
