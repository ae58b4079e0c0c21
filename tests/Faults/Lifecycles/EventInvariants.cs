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
    public static async Task<List<string>> Check(HttpClient operatorClient, IReadOnlyList<LifecycleRun> runs, WebhookReceiver? receiver, TimeSpan patience, string? connectionString = null)
    {
        var until = DateTime.UtcNow + patience;
        while (true)
        {
            var problems = await CheckOnce(operatorClient, runs, receiver);
            if (problems.Count == 0 || DateTime.UtcNow > until)
            {
                if (problems.Count > 0 && connectionString is not null)
                {
                    var (feed, next) = await FullCaseFeedTests.Feed.All(operatorClient, "/api/v1/events");
                    GrainInterfaces.Events.EventCursor.TryDecode(next, out var end);
                    problems.Insert(0, $"operator feed: {feed.Count} events, {feed.Select(e => e.Id).Distinct().Count()} distinct, ends at ({end.Major}, {end.Minor}); " + await Diagnose(connectionString, end));
                }

                return problems;
            }

            await Task.Delay(500);
        }
    }

    /// <summary>Rows in the table against the readers' horizon, to tell a lost event from a hidden one.</summary>
    private static async Task<string> Diagnose(string connectionString, GrainInterfaces.Events.EventPosition end)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("""
            SELECT (SELECT count(*) FROM genomde_events),
                   (SELECT count(*) FROM genomde_events WHERE xid < pg_snapshot_xmin(pg_current_snapshot())),
                   pg_snapshot_xmin(pg_current_snapshot())::text,
                   (SELECT string_agg(pid || ':' || state || ':' || coalesce(backend_xid::text, '-') || ':' || left(query, 60), ' | ') FROM pg_stat_activity WHERE backend_xid IS NOT NULL),
                   (SELECT count(*) FROM genomde_events WHERE (xid, seq) > ($1::text::xid8, $2)),
                   (SELECT min(xid)::text || '/' || max(xid)::text || '/' || min(seq) || '/' || max(seq) FROM genomde_events)
            """, connection);
        command.Parameters.AddWithValue(end.Major.ToString(System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue(end.Minor);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return $"event table: {reader.GetInt64(0)} rows, {reader.GetInt64(1)} below the horizon {reader.GetString(2)}, {reader.GetInt64(4)} after the feed's end, xid/seq ranges {reader.GetString(5)}; transactions holding xids: {(reader.IsDBNull(3) ? "none" : reader.GetString(3))}";
    }

    private static async Task<List<string>> CheckOnce(HttpClient operatorClient, IReadOnlyList<LifecycleRun> runs, WebhookReceiver? receiver)
    {
        var (events, _) = await FullCaseFeedTests.Feed.All(operatorClient, "/api/v1/events");
        var byCase = events.Where(e => e.CaseKey is not null).GroupBy(e => e.CaseKey!).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var run in runs.Where(r => r.Reached is not null))
        {
            // Case events name the case; token and claim events only the code and the claim (payers read them).
            var mine = (byCase.GetValueOrDefault(run.CaseKey) ?? [])
                .Concat(events.Where(e => e.CaseKey is null && (run.TokenCodes.Contains(e.Subject) || e.Subject == run.ClaimId)))
                .ToList();
            var counts = mine.Where(e => e.Type is not ("case.detailed_qc_selected" or "case.report_overdue")).GroupBy(e => e.Type).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
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

            // A submission may become overdue (the faults fixture's deadline is 30 s after basic QC):
            // an open one, or one whose report came later than that in a slow run; once per submission at most.
            var overdue = mine.Where(e => e.Type == "case.report_overdue").GroupBy(e => e.Subject).Where(g => g.Count() > 1 || !(g.Key == run.TanG || g.Key == run.TanC));
            problems.AddRange(overdue.Select(g => $"{run.CaseKey}: {g.Count()} × case.report_overdue for {g.Key}"));

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
