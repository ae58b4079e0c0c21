using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.Domain.Tokens;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.GrainInterfaces.Reporting;
using GenomDE.Orleans.Tests.Cases;
using GenomDE.Orleans.Tests.Fixtures;
using Npgsql;

namespace GenomDE.Orleans.Tests.Faults.Lifecycles;

/// <summary>What must hold after lifecycles ran through faults, checked from the outside: the
/// participants' views over HTTP and the stored rows in PostgreSQL, never the platform's own
/// counters alone. Each violation names its invariant and case, and all of them are collected
/// before the test fails, so one run shows every loss and every double.</summary>
public sealed class Invariants(FaultWorld world, IReadOnlyList<LifecycleRun> runs, string connectionString)
{
    private readonly List<string> _violations = [];

    private IEnumerable<LifecycleRun> Complete => runs.Where(r => r.Reached == LifecycleRun.Stop.Reimbursed);

    private IEnumerable<LifecycleRun> Open => runs.Where(r => r.Reached == LifecycleRun.Stop.AfterQc);

    public IReadOnlyList<string> Violations => _violations;

    /// <summary>How long the platform may take to settle after the last answer: effects that failed
    /// are retried by their writer's timer (200 ms doubling to 30 s), so one or two failures on the
    /// same effect land within a few seconds; 30 s is far beyond that and still bounded.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(30);

    /// <summary>How long the checks took to come out clean (twice in a row), or to give up.</summary>
    public TimeSpan SettledAfter { get; private set; }

    /// <summary>Runs <paramref name="check"/> on fresh reads until it finds nothing twice in a row
    /// (a second read a second later, so a late double is not missed) or <paramref name="within"/>
    /// has passed; returns the last result. Effects (inboxes, tokens, reporting rows, statistics)
    /// follow a command's answer from its outbox, so a single read right after the answers may see
    /// them not yet done; a loss stays a violation however long one waits, a double too.</summary>
    public static async Task<Invariants> Settled(
        FaultWorld world, IReadOnlyList<LifecycleRun> runs, string connectionString, Func<Invariants, Task<Invariants>> check, TimeSpan? within = null)
    {
        var started = DateTime.UtcNow;
        var deadline = started + (within ?? SettleTime);
        var clean = 0;
        while (true)
        {
            var invariants = await check(new Invariants(world, runs, connectionString));
            clean = invariants._violations.Count == 0 ? clean + 1 : 0;
            if (clean == 2 || (clean == 0 && DateTime.UtcNow >= deadline))
            {
                invariants.SettledAfter = DateTime.UtcNow - started;
                return invariants;
            }

            await Task.Delay(clean == 1 ? TimeSpan.FromSeconds(1) : TimeSpan.FromMilliseconds(500));
        }
    }

    /// <summary>Since <paramref name="before"/> (read just before the claim) the statistics count
    /// exactly one more reimbursed claim and one more reimbursed case per complete run.</summary>
    public async Task<Invariants> CheckClaimSince(PlatformStatistics before)
    {
        var after = await Statistics(world);
        Expect("statistics: claims reimbursed (delta since the claim)", Complete.Count(), after.ClaimsReimbursed - before.ClaimsReimbursed);
        Expect("statistics: cases reimbursed (delta since the claim)", Complete.Count(),
            after.CasesByStatus.GetValueOrDefault("reimbursed") - before.CasesByStatus.GetValueOrDefault("reimbursed"));
        return this;
    }

    /// <summary>The platform statistics as the operator reads them.</summary>
    public static async Task<PlatformStatistics> Statistics(FaultWorld world) =>
        (await FaultWorld.Expect(world.Operator.Get("/api/v1/statistics"), "statistics")).Read<PlatformStatistics>();

    /// <summary>The statistics moved from <paramref name="before"/> by exactly what the runs did:
    /// one case each, two submissions each, two tokens and one reimbursed claim per complete run.</summary>
    public async Task<Invariants> CheckStatisticsSince(PlatformStatistics before)
    {
        var after = await Statistics(world);
        var complete = Complete.Count();
        Expect("statistics: cases (delta)", runs.Count, after.Cases - before.Cases);
        Expect("statistics: submissions (delta)", 2 * runs.Count, after.Submissions - before.Submissions);
        Expect("statistics: tokens issued (delta)", 2 * complete, after.TokensIssued - before.TokensIssued);
        Expect("statistics: claims reimbursed (delta)", complete, after.ClaimsReimbursed - before.ClaimsReimbursed);
        Expect("statistics: cases reimbursed (delta)", complete,
            after.CasesByStatus.GetValueOrDefault("reimbursed") - before.CasesByStatus.GetValueOrDefault("reimbursed"));
        return this;
    }

    /// <summary>Everything that holds for one LE's cases, whatever else the database holds.</summary>
    public async Task<Invariants> CheckCases()
    {
        Violate(runs.Where(r => r.Reached is null).Select(r => $"lifecycle did not finish: {r.CaseKey}"));
        await CaseStatuses();
        await OneTokenPerTanAndGapFreeCounters();
        await StoredTokensAndReimbursements();
        await InboxesHoldExactlyTheOpenSubmissions();
        await ReportingRowsFollowTheCases();
        return this;
    }

    /// <summary>Statistics and quarterly report against counts of the runs: only valid when the
    /// database holds nothing but these runs (a fixture of its own).</summary>
    public async Task<Invariants> CheckFiguresOfAWholeDatabase()
    {
        var complete = Complete.Count();
        var open = Open.Count();
        // The feed follows each command from its outbox: read once per check; Settled re-reads.
        var statistics = await Statistics(world);
        Expect("statistics: cases", runs.Count, statistics.Cases);
        Expect("statistics: cases reimbursed", complete, statistics.CasesByStatus.GetValueOrDefault("reimbursed"));
        Expect("statistics: cases data_transferred", open, statistics.CasesByStatus.GetValueOrDefault("data_transferred"));
        Expect("statistics: submissions", 2 * runs.Count, statistics.Submissions);
        Expect("statistics: tokens issued", 2 * complete, statistics.TokensIssued);
        Expect("statistics: claims reimbursed", complete, statistics.ClaimsReimbursed);
        foreach (var nodeId in new[] { CaseScenario.Gdc, CaseScenario.Cdn })
        {
            var node = statistics.Nodes.SingleOrDefault(n => n.NodeId == nodeId);
            Expect($"statistics: {nodeId} submissions", runs.Count, node?.Submissions ?? 0);
            Expect($"statistics: {nodeId} tokens issued", complete, node?.TokensIssued ?? 0);
        }

        // A submission counts in the quarter of the day (German time) its data arrived, else of its submission date.
        foreach (var quarter in runs.Select(r => r.GenomicReceivedAt is { } at ? GenomDE.Orleans.Domain.Tokens.ServiceDates.Of(at) : r.Genomic!.SubmissionDate)
                     .GroupBy(day => (day.Year, Q: ((day.Month - 1) / 3) + 1)))
        {
            var n = quarter.Count();
            var path = $"/api/v1/reports/quarterly/{quarter.Key.Year}/Q{quarter.Key.Q}";
            var overview = (await FaultWorld.Expect(world.GenomeCentre.Get($"{path}/overview"), "overview")).Body;
            var line = $"{CaseScenario.Gdc}\t{quarter.Key.Q}\t{quarter.Key.Year}\t{world.Provider}\t0\t0\t{n}\t{n}\t0\t0\t0\t0\t0\t0\t0\t0";
            Check(overview.Split('\n').Contains(line), $"quarterly overview {quarter.Key}: expected line '{line}', got:\n{overview}");
            var lines = (await FaultWorld.Expect(world.GenomeCentre.Get($"{path}/submissions"), "submissions table")).Body
                .Split('\n').Count(l => l.StartsWith($"{CaseScenario.Gdc}\t{quarter.Key.Q}\t{quarter.Key.Year}\t{world.Provider}\t", StringComparison.Ordinal));
            Expect($"quarterly submissions table {quarter.Key}: lines", n, lines);
        }

        return this;
    }

    public void AssertNone() =>
        Assert.True(_violations.Count == 0,
            $"{_violations.Count} invariant violations (still after {SettledAfter.TotalSeconds:0.#} s):\n{string.Join('\n', _violations.Take(60))}");

    private async Task CaseStatuses()
    {
        foreach (var run in runs.Where(r => r.Reached is not null))
        {
            var view = (await FaultWorld.Expect(world.Hospital.Get($"/api/v1/cases/{run.LocalCaseId}"), run.CaseKey)).Read<CaseView>();
            var expected = run.Reached == LifecycleRun.Stop.Reimbursed ? CaseStatus.Reimbursed : CaseStatus.DataTransferred;
            Check(view.Status == expected, $"case status: {run.CaseKey} is {view.Status}, expected {expected}");
            var reimbursements = view.History.Count(h => h.What.StartsWith("reimbursed by payer", StringComparison.Ordinal));
            Check(reimbursements == (expected == CaseStatus.Reimbursed ? 1 : 0), $"reimbursed exactly once: {run.CaseKey} has {reimbursements} reimbursement events");
            foreach (var tan in new[] { run.TanG, run.TanC })
            {
                var submission = view.Submissions.SingleOrDefault(s => s.Tan == tan);
                Check(submission is not null, $"submission lost: {run.CaseKey} has no submission {tan}");
                var expectedStatus = expected == CaseStatus.Reimbursed ? SubmissionStatus.Reported : SubmissionStatus.QcPassed;
                Check(submission is null || submission.Status == expectedStatus, $"submission status: {run.CaseKey} {tan} is {submission?.Status}, expected {expectedStatus}");
            }
        }
    }

    private async Task OneTokenPerTanAndGapFreeCounters()
    {
        var tokens = (await FaultWorld.Expect(world.Hospital.Get(Http.RecentTokensPath), "the LE's tokens")).Read<List<TokenView>>();
        var caseOfTan = runs.Where(r => r.Reached is not null).SelectMany(r => new[] { (r.TanG, r), (r.TanC, r) }).ToDictionary(x => x.Item1, x => x.r);
        foreach (var perTan in tokens.GroupBy(t => (t.Tan, t.Record.Token.DataCategory)).Where(g => g.Count() > 1))
        {
            Violate([$"one token per (TAN, category): {perTan.Key} has {perTan.Count()} tokens ({string.Join(", ", perTan.Select(t => $"{t.Code} #{t.Record.Token.Counter}"))})"]);
        }

        foreach (var token in tokens)
        {
            var known = caseOfTan.TryGetValue(token.Tan, out var run);
            Check(known, $"no token without its case: {token.Code} confirms unknown TAN {token.Tan}");
            Check(!known || token.Record.CaseKey == run!.CaseKey, $"token {token.Code} names case {token.Record.CaseKey}, its TAN belongs to {run?.CaseKey}");
            Check(!known || run!.Reached == LifecycleRun.Stop.Reimbursed, $"token without a report: {token.Code} for {run?.CaseKey}, whose reports were never sent");
        }

        foreach (var run in Complete)
        {
            foreach (var (tan, category) in new[] { (run.TanG, DataCategory.Genomic), (run.TanC, DataCategory.Clinical) })
            {
                Check(tokens.Any(t => t.Tan == tan && t.Record.Token.DataCategory == category), $"token lost: {run.CaseKey} has no {category} token for {tan}");
            }
        }

        foreach (var day in tokens.GroupBy(t => t.Record.Token.ServiceDate))
        {
            var counters = day.Select(t => t.Record.Token.Counter).Order().ToList();
            Check(counters.SequenceEqual(Enumerable.Range(1, counters.Count)),
                $"gap-free counters: {world.Provider} on {day.Key:yyyy-MM-dd} has counters [{string.Join(",", counters)}]");
        }
    }

    private async Task StoredTokensAndReimbursements()
    {
        // Unpooled: after a database restart a pooled connection of this process may be dead, and
        // clearing the pools would also heal the silos' pools (same process), hiding their behaviour.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var storedTokens = await Rows(connection,
            "SELECT grain_id_extension, convert_from(payload, 'UTF8')::jsonb #>> '{Token,Record,CaseKey}' FROM genomde_grain_state " +
            "WHERE grain_type = 'token' AND convert_from(payload, 'UTF8')::jsonb #>> '{Token,Record,ProviderIk}' = @ik", world.Provider);
        var cases = (await Rows(connection, "SELECT grain_id_extension, '' FROM genomde_grain_state WHERE grain_type = 'case' AND grain_id_extension LIKE @ik || ':%'", world.Provider))
            .Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        Expect("stored token rows of the LE", 2 * Complete.Count(), storedTokens.Count);
        Violate(storedTokens.Where(t => !cases.Contains(t.Value)).Select(t => $"no token without its case: stored token {t.Key} names case {t.Value}, which has no stored row"));

        var reimbursements = (await Rows(connection, "SELECT grain_id_extension, '' FROM genomde_grain_state WHERE grain_type = 'reimbursement' AND grain_id_extension LIKE @ik || ':%'", world.Provider))
            .Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        Violate(Complete.Where(r => !reimbursements.Contains(r.CaseKey)).Select(r => $"reimbursement not stored: {r.CaseKey}"));
        Violate(Open.Where(r => reimbursements.Contains(r.CaseKey)).Select(r => $"reimbursement stored for an open case: {r.CaseKey}"));
    }

    /// <summary>Every submission of the runs has exactly one live row in the reporting buckets (a row
    /// that moved on receipt left only a tombstone behind), and the row says whether its
    /// Meldebestätigung was issued as the case does: names the submissions whose last change never
    /// reached the projection, which the totals alone cannot.</summary>
    private async Task ReportingRowsFollowTheCases()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var rows = (await Rows(connection,
            "SELECT f.key, f.value #>> '{Submission,TokenIssued}' FROM genomde_grain_state, jsonb_each(convert_from(payload, 'UTF8')::jsonb -> 'Facts') AS f " +
            "WHERE grain_type = 'report-bucket' AND jsonb_typeof(f.value -> 'Submission') = 'object' AND f.value #>> '{Submission,SubmitterId}' = @ik", world.Provider))
            .GroupBy(r => r.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Select(r => r.Value).ToList(), StringComparer.OrdinalIgnoreCase);
        foreach (var run in runs.Where(r => r.Reached is not null))
        {
            var expected = run.Reached == LifecycleRun.Stop.Reimbursed ? "true" : "false";
            foreach (var tan in new[] { run.TanG, run.TanC })
            {
                var found = rows.GetValueOrDefault(tan) ?? [];
                Check(found.Count == 1 && found[0] == expected,
                    $"reporting rows of {run.CaseKey}: {tan} has [{string.Join(",", found)}] (token issued), expected exactly [{expected}]");
            }
        }
    }

    private async Task InboxesHoldExactlyTheOpenSubmissions()
    {
        foreach (var (node, name, tanOf) in new[] { (world.GenomeCentre, CaseScenario.Gdc, (Func<LifecycleRun, string>)(r => r.TanG)), (world.ClinicalNode, CaseScenario.Cdn, r => r.TanC) })
        {
            var ours = runs.Select(tanOf).ToHashSet(StringComparer.Ordinal);
            var inbox = (await FaultWorld.Expect(node.Get("/api/v1/inbox"), $"inbox of {name}")).Read<List<SubmissionView>>()
                .Select(e => e.Tan).Where(ours.Contains).ToList();
            var open = Open.Select(tanOf).ToHashSet(StringComparer.Ordinal);
            Violate(inbox.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => $"inbox {name}: {g.Key} listed {g.Count()} times"));
            Violate(open.Except(inbox).Select(t => $"inbox {name}: open submission {t} missing"));
            Violate(inbox.Except(open).Select(t => $"inbox {name}: {t} listed although reported"));
        }
    }

    private static async Task<List<KeyValuePair<string, string>>> Rows(NpgsqlConnection connection, string sql, string ik)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("ik", ik);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<KeyValuePair<string, string>>();
        while (await reader.ReadAsync())
        {
            rows.Add(new(reader.GetString(0), reader.IsDBNull(1) ? "" : reader.GetString(1)));
        }

        return rows;
    }

    private void Expect(string what, long expected, long actual) => Check(expected == actual, $"{what}: expected {expected}, found {actual}");

    private void Check(bool holds, string violation)
    {
        if (!holds)
        {
            _violations.Add(violation);
        }
    }

    private void Violate(IEnumerable<string> violations) => _violations.AddRange(violations);
}
