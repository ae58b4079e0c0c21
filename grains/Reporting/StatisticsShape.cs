using System.Globalization;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.GrainInterfaces.Reporting;

namespace GenomDE.Orleans.Grains.Reporting;

/// <summary>Turns the summed counters (<see cref="Contributions"/>' names) into the figures the
/// operator reads. Every case status appears, with 0 when no case has it.</summary>
public static class StatisticsShape
{
    private const string Test = "test";

    public static PlatformStatistics From(IReadOnlyDictionary<string, long> totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var entries = totals.Select(t => (Parts: t.Key.Split('|'), Count: t.Value)).ToList();
        var byStatus = Enum.GetValues<CaseStatus>().ToDictionary(Contributions.Name, s => totals.GetValueOrDefault($"{Contributions.Cases}|{Contributions.Name(s)}"));
        var submissions = entries.Where(e => e.Parts[0] == Contributions.Submissions && e.Parts.Length == 5).ToList();
        var nodes = submissions.Select(e => e.Parts[1])
            .Concat(entries.Where(e => e.Parts[0] is Contributions.Tokens or Contributions.DetailedQc or Contributions.Weeks or Contributions.Overdue).Select(e => e.Parts[1]))
            .Distinct().Order(StringComparer.Ordinal)
            .Select(node => Node(node, submissions.Where(e => e.Parts[1] == node).ToList(), entries, totals))
            .ToList();
        var hours = entries.Where(e => e.Parts[0] == Contributions.ConfirmationHours)
            .Select(e => (Hours: long.Parse(e.Parts[1], CultureInfo.InvariantCulture), e.Count)).OrderBy(e => e.Hours).ToList();
        return new PlatformStatistics(
            byStatus.Values.Sum(), byStatus,
            nodes.Sum(n => n.Submissions), nodes.Sum(n => n.TestSubmissions), nodes.Sum(n => n.TokensIssued),
            byStatus[Contributions.Name(CaseStatus.Reimbursed)], byStatus[Contributions.Name(CaseStatus.Billed)],
            nodes,
            Keyed(entries, Contributions.TokenDays, 1),
            Percentile(hours, 0.5),
            Percentile(hours, 0.9),
            nodes.Sum(n => n.OverdueReports));
    }

    private static NodeStatistics Node(string node, List<(string[] Parts, long Count)> submissions, List<(string[] Parts, long Count)> entries, IReadOnlyDictionary<string, long> totals)
    {
        var real = submissions.Where(e => e.Parts[3] != Test).ToList();
        var outcomes = Grouped(real, 4);
        var failed = outcomes.GetValueOrDefault("basic_qc_failed") + outcomes.GetValueOrDefault("reported_qc_failed");
        var judged = failed + outcomes.GetValueOrDefault("basic_qc_passed") + outcomes.GetValueOrDefault("reported_qc_passed");
        return new NodeStatistics(
            node,
            real.Sum(e => e.Count),
            submissions.Where(e => e.Parts[3] == Test).Sum(e => e.Count),
            Grouped(real, 2),
            Grouped(submissions, 3),
            outcomes,
            totals.GetValueOrDefault($"{Contributions.Tokens}|{node}"),
            totals.GetValueOrDefault($"{Contributions.DetailedQc}|{node}|{Contributions.Name(DetailedQcState.Passed)}"),
            totals.GetValueOrDefault($"{Contributions.DetailedQc}|{node}|{Contributions.Name(DetailedQcState.Failed)}"),
            Keyed(entries.Where(e => e.Parts.Length == 3 && e.Parts[1] == node), Contributions.Weeks, 2),
            judged == 0 ? null : (double)failed / judged,
            totals.GetValueOrDefault($"{Contributions.Overdue}|{node}"));
    }

    /// <summary>The counters of one kind by the name part at <paramref name="part"/>, in order.</summary>
    private static Dictionary<string, long> Keyed(IEnumerable<(string[] Parts, long Count)> entries, string kind, int part) =>
        entries.Where(e => e.Parts[0] == kind && e.Count != 0)
            .OrderBy(e => e.Parts[part], StringComparer.Ordinal).ToDictionary(e => e.Parts[part], e => e.Count);

    /// <summary>Nearest-rank percentile of the hour histogram; null when it is empty.</summary>
    private static long? Percentile(List<(long Hours, long Count)> histogram, double p)
    {
        var total = histogram.Sum(h => h.Count);
        if (total <= 0)
        {
            return null;
        }

        var rank = (long)Math.Ceiling(p * total);
        long seen = 0;
        foreach (var (hours, count) in histogram)
        {
            seen += count;
            if (seen >= rank)
            {
                return hours;
            }
        }

        return histogram[^1].Hours;
    }

    private static Dictionary<string, long> Grouped(List<(string[] Parts, long Count)> entries, int part) =>
        entries.GroupBy(e => e.Parts[part]).Where(g => g.Sum(e => e.Count) != 0)
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(e => e.Count));
}
