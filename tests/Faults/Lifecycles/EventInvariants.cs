using GenomDE.Orleans.Tests.Events;

namespace GenomDE.Orleans.Tests.Faults.Lifecycles;

/// <summary>What the event log must hold after lifecycles that ran through faults: every case's
/// events exactly once (the log deduplicates repeated publications by ID, so a doubled effect would
/// show as a second event with another ID), nothing missing, and a webhook receiver that got each of
/// them. Counted from the operator's feed over HTTP, independently of the platform's counters.</summary>
public static class EventInvariants
{
    /// <summary>The events one lifecycle produces, by type (without prefix and version).</summary>
    public static IReadOnlyDictionary<string, int> Expected(LifecycleRun.Stop reached)
    {
        var afterQc = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["case.registered"] = 1,
            ["case.submission_accepted"] = 2,
            ["case.data_received"] = 2,
            ["case.basic_qc_reported"] = 2,
        };
        if (reached == LifecycleRun.Stop.AfterQc)
        {
            return afterQc;
        }

        afterQc["case.check_report_accepted"] = 2;
        afterQc["token.issued"] = 2;
        afterQc["token.redeemed"] = 2;
        afterQc["claim.accepted"] = 1;
        afterQc["case.reimbursed"] = 1;
        return afterQc;
    }

    /// <summary>Problems found, waiting (bounded) for effects that are still being retried.</summary>
    public static async Task<List<string>> Check(HttpClient operatorClient, IReadOnlyList<LifecycleRun> runs, WebhookReceiver? receiver, TimeSpan patience)
    {
        var until = DateTime.UtcNow + patience;
        while (true)
        {
            var problems = await CheckOnce(operatorClient, runs, receiver);
            if (problems.Count == 0 || DateTime.UtcNow > until)
            {
                return problems;
            }

            await Task.Delay(500);
        }
    }

    private static async Task<List<string>> CheckOnce(HttpClient operatorClient, IReadOnlyList<LifecycleRun> runs, WebhookReceiver? receiver)
    {
        var (events, _) = await FullCaseFeedTests.Feed.All(operatorClient, "/api/v1/events");
        var byCase = events.Where(e => e.CaseKey is not null).GroupBy(e => e.CaseKey!).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var run in runs.Where(r => r.Reached is not null))
        {
            var mine = byCase.GetValueOrDefault(run.CaseKey) ?? [];
            var counts = mine.Where(e => e.Type != "case.detailed_qc_selected").GroupBy(e => e.Type).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var expected = Expected(run.Reached!.Value);
            foreach (var type in expected.Keys.Union(counts.Keys))
            {
                if (expected.GetValueOrDefault(type) != counts.GetValueOrDefault(type))
                {
                    problems.Add($"{run.CaseKey}: {counts.GetValueOrDefault(type)} × {type} in the feed, expected {expected.GetValueOrDefault(type)}");
                }
            }

            if (mine.Count(e => e.Type == "case.detailed_qc_selected") > 1)
            {
                problems.Add($"{run.CaseKey}: detailed QC selected more than once");
            }

            if (receiver is not null)
            {
                var delivered = receiver.Accepted.Select(r => r.EventId).ToHashSet(StringComparer.Ordinal);
                problems.AddRange(mine.Where(e => !delivered.Contains(e.Id)).Select(e => $"{run.CaseKey}: webhook never got {e.Type} {e.Id}"));
            }
        }

        if (receiver is not null)
        {
            problems.AddRange(receiver.Problems.Select(p => "webhook receiver: " + p)); // e.g. a signature that did not verify
        }

        return problems;
    }
}
