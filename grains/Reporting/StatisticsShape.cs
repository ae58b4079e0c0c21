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
            .Concat(entries.Where(e => e.Parts[0] is Contributions.Tokens or Contributions.DetailedQc).Select(e => e.Parts[1]))
            .Distinct().Order(StringComparer.Ordinal)
            .Select(node => Node(node, submissions.Where(e => e.Parts[1] == node).ToList(), totals))
            .ToList();
        return new PlatformStatistics(
            byStatus.Values.Sum(), byStatus,
            nodes.Sum(n => n.Submissions), nodes.Sum(n => n.TestSubmissions), nodes.Sum(n => n.TokensIssued),
            byStatus[Contributions.Name(CaseStatus.Reimbursed)], byStatus[Contributions.Name(CaseStatus.Billed)],
            nodes);
    }

    private static NodeStatistics Node(string node, List<(string[] Parts, long Count)> submissions, IReadOnlyDictionary<string, long> totals)
    {
        var real = submissions.Where(e => e.Parts[3] != Test).ToList();
        return new NodeStatistics(
            node,
            real.Sum(e => e.Count),
            submissions.Where(e => e.Parts[3] == Test).Sum(e => e.Count),
            Grouped(real, 2),
            Grouped(submissions, 3),
            Grouped(real, 4),
            totals.GetValueOrDefault($"{Contributions.Tokens}|{node}"),
            totals.GetValueOrDefault($"{Contributions.DetailedQc}|{node}|{Contributions.Name(DetailedQcState.Passed)}"),
            totals.GetValueOrDefault($"{Contributions.DetailedQc}|{node}|{Contributions.Name(DetailedQcState.Failed)}"));
    }

    private static Dictionary<string, long> Grouped(List<(string[] Parts, long Count)> entries, int part) =>
        entries.GroupBy(e => e.Parts[part]).Where(g => g.Sum(e => e.Count) != 0)
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(e => e.Count));
}
