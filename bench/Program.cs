using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Tests.Fixtures;

namespace GenomDE.Orleans.Bench;

/// <summary>Issue 6's benchmark: full case lifecycles over the REST API against a silo this program
/// starts itself (embedded or on a throwaway PostgreSQL), with the reference figures measured in the
/// same run (minimal request round trip; PostgreSQL's own upsert rate).</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["--summarize-profile", var trace])
        {
            // A trace kept from an earlier run (the path the results print), summarised again.
            foreach (var line in CpuProfile.Summarize(trace, null, null))
            {
                Console.WriteLine(line);
            }

            return 0;
        }

        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("usage: dotnet run -c Release --project bench -- --mode embedded|postgres [--concurrency 16] [--lifecycles 2000] [--max-seconds 180]");
            Console.Error.WriteLine("       [--cases-per-provider 60] [--baseline-seconds 15] [--roof-seconds 15] [--roof-payload 2048] [--storage-seconds 15] [--scale-seconds 0] [--scale-max-cases 1000000]");
            Console.Error.WriteLine("       [--paced-seconds 0] [--paced-rate 0] [--profile-seconds 10] [--silo-dll path]");
            Console.Error.WriteLine("   or: dotnet run -c Release --project bench -- --summarize-profile <file.nettrace>");
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        try
        {
            return await Run(options, cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine("cancelled");
            return 130;
        }
    }

    private static async Task<int> Run(BenchOptions options, CancellationToken ct)
    {
        var repo = FindRepository();
        var siloDll = options.SiloDll ?? await BuildSilo(repo, ct);
        Say($"GenomDE.Orleans benchmark — mode {options.Mode}, concurrency {options.Concurrency}, lifecycles {options.Lifecycles} (max {options.MaxSeconds} s), {options.CasesPerProvider} lifecycles per provider");
        Say(Machine());

        TemporaryPostgres? postgres = null;
        int? postmaster = null;
        if (options.PostgresMode)
        {
            postgres = await TemporaryPostgres.StartAsync(ct);
            postmaster = await PgSnapshot.PostmasterPid(postgres.ConnectionString);
            Say("PostgreSQL: " + await PgSnapshot.Settings(postgres.ConnectionString) + (postmaster is null ? " (postmaster PID unknown: no PostgreSQL CPU figures)" : $", postmaster pid {postmaster}"));
        }

        try
        {
            await using var silo = await SiloProcess.StartAsync(siloDll, postgres?.ConnectionString, ct);
            Say($"silo: pid {silo.Pid}, {silo.BaseAddress}, log {silo.LogPath}, RSS after start {Mb(ProcStats.RssBytes(silo.Pid))}");
            return await Measure(options, repo, silo, postgres?.ConnectionString, postmaster, ct);
        }
        finally
        {
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }
        }
    }

    private static async Task<int> Measure(BenchOptions options, string repo, SiloProcess silo, string? pg, int? postmaster, CancellationToken ct)
    {
        var recorder = new Recorder();
        using var api = new Api(silo.BaseAddress, recorder);
        var genomic = await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(repo)!, "shared", "conformance", "grz-metadata", "valid", "wgs_tumor_germline.v1.3.0.json"), ct);
        var clinical = await File.ReadAllTextAsync(Path.Combine(repo, "tests", "Clinical", "clinical-metadata.valid.json"), ct);
        var run = Convert.ToHexString(Guid.NewGuid().ToByteArray())[..6];

        // Participants: the example nodes approved, one provider per CasesPerProvider lifecycles
        // (the seeded 123456789 first, then registered ones), 100000001 for the warm-up.
        var participants = await Participants.Setup(api);
        var providerCount = (options.Lifecycles + options.CasesPerProvider - 1) / options.CasesPerProvider;
        var providers = new List<string>();
        for (var p = 0; p < providerCount; p++)
        {
            var ik = p == 0 ? "123456789" : string.Create(CultureInfo.InvariantCulture, $"{300000000 + p}");
            await participants.AddProvider(api, ik, register: p > 0);
            providers.Add(ik);
        }

        await participants.AddProvider(api, "100000001", register: false);
        var lifecycle = new Lifecycle(api, participants, genomic, clinical);

        // Warm-up (JIT, connection pools, first activations of the shared grains); not measured.
        var warmup = Math.Min(200, Math.Max(32, 2 * options.Concurrency));
        var warm = await RunLifecycles(lifecycle, warmup, options.Concurrency, TimeSpan.FromSeconds(120), i => ("100000001", Lifecycle.CaseId(run + "W", i)), null, null, ct);
        Say($"warm-up: {warm.Completed} lifecycles in {warm.Seconds:F1} s, {recorder.Errors} errors");
        if (recorder.Errors > 0)
        {
            foreach (var line in recorder.Table())
            {
                Say(line);
            }

            Say("errors during warm-up: stopping.");
            return 1;
        }

        recorder.Clear();
        PgSnapshot? before = null;
        if (pg is not null)
        {
            await WaitForPgStats(ct);
            before = await PgSnapshot.Read(pg);
        }

        var rssBefore = ProcStats.RssBytes(silo.Pid);
        var heapBefore = await HeapProbe.LiveBytesAfterFullGc(silo.Pid, HeapTimeout);

        // The measured lifecycles, with the operator's feed read alongside for the event lag and the
        // silo's CPU profile taken in their middle.
        var cpu = new CpuMeter(silo.Pid, postmaster);
        var lag = EventLagProbe.Start(silo.BaseAddress, participants.Operator);
        var counter = new PhaseCounter();
        using var phaseOver = new CancellationTokenSource();
        var profiling = options.ProfileSeconds > 0
            ? PhaseProfile.InTheMiddle(silo.Pid, TimeSpan.FromSeconds(options.ProfileSeconds), options.Lifecycles, TimeSpan.FromSeconds(options.MaxSeconds), counter, phaseOver.Token)
            : Task.FromResult<PhaseProfile?>(null);
        var result = await RunLifecycles(lifecycle, options.Lifecycles, options.Concurrency, TimeSpan.FromSeconds(options.MaxSeconds),
            i => (providers[i / options.CasesPerProvider], Lifecycle.CaseId(run, i)), TimeSpan.FromSeconds(15), counter, ct);
        var lifecycleCpu = cpu.Report();
        await phaseOver.CancelAsync();
        var profile = await profiling;
        await Task.Delay(TimeSpan.FromSeconds(1), ct); // the last events reach the feed
        await lag.DisposeAsync();
        var lagReport = lag.Report();
        var rssAfter = ProcStats.RssBytes(silo.Pid);
        var lifecycleRequests = recorder.Requests;
        var lifecycleErrors = recorder.Errors;
        var lifecycleTable = recorder.Table().ToList();
        var lifecycleChanging = recorder.RequestsWhere(label => !label.StartsWith("GET ", StringComparison.Ordinal));
        var lifecyclesPerSecond = result.Completed / result.Seconds;
        var requestsPerSecond = lifecycleRequests / result.Seconds;

        PgSnapshot? after = null;
        List<string>? payloads = null;
        (long Committed, long Aborted, long Other) transactions = default;
        if (pg is not null && before is not null)
        {
            await WaitForPgStats(ct);
            after = await PgSnapshot.Read(pg);
            payloads = await PgSnapshot.PayloadsByGrainType(pg, before, result.Completed);
            transactions = await PgSnapshot.TransactionsBetween(pg, before, after);
        }

        var writeTransactionsPerLifecycle = (double)transactions.Committed / Math.Max(1, result.Completed);

        // Memory: live heap with every grain of the run active, then after the operator deactivated
        // the idle ones (twice, a few seconds apart, for activations that were still busy).
        var heapActive = await HeapProbe.LiveBytesAfterFullGc(silo.Pid, HeapTimeout);
        var deactivated = new List<string>();
        for (var round = 0; round < 2; round++)
        {
            deactivated.Add(await api.Send("POST /operations/deactivate-idle", HttpMethod.Post, "/api/v1/operations/deactivate-idle", participants.Operator,
                "{\"idleSeconds\":0}", ct: ct));
            await Task.Delay(TimeSpan.FromSeconds(5), ct);
        }

        var heapDeactivated = await HeapProbe.LiveBytesAfterFullGc(silo.Pid, HeapTimeout);
        var rssDeactivated = ProcStats.RssBytes(silo.Pid);

        // Minimal round trip: PUT /api/v1/providers/{ik} with a changing name.
        recorder.Clear();
        var baselineCpu = new CpuMeter(silo.Pid, postmaster);
        var baseline = await Baseline(api, participants.Operator, options.Concurrency, TimeSpan.FromSeconds(options.BaselineSeconds), ct);
        var baselineCpuText = baselineCpu.Report();
        var baselineErrors = recorder.Errors;
        var baselineTable = recorder.Table().ToList();

        (double PerSecond, long Count, double P50, double P99)? roof = null;
        string? roofCpu = null;
        if (pg is not null)
        {
            var roofMeter = new CpuMeter(silo.Pid, postmaster);
            roof = await UpsertRoof.Run(pg, options.Concurrency, TimeSpan.FromSeconds(options.RoofSeconds), options.RoofPayloadBytes);
            roofCpu = roofMeter.Report();
        }

        // Storage probe (postgres mode): grain state writes through the ADO.NET provider, between two
        // roof runs so the ratio is taken against the database as it is right then.
        StorageProbe.Result? probe = null;
        (double PerSecond, long Count, double P50, double P99)? roofAfter = null;
        string? roofAfterCpu = null;
        long? probeStatWrites = null;
        if (pg is not null && options.StorageSeconds > 0)
        {
            var statsBefore = await PgSnapshot.Read(pg);
            probe = await StorageProbe.Run(pg, options.Concurrency, TimeSpan.FromSeconds(options.StorageSeconds), options.RoofPayloadBytes,
                () => new CpuMeter(silo.Pid, postmaster, "bench (driver + in-process silo)"), Say);
            var roofMeter = new CpuMeter(silo.Pid, postmaster);
            roofAfter = await UpsertRoof.Run(pg, options.Concurrency, TimeSpan.FromSeconds(options.RoofSeconds), options.RoofPayloadBytes);
            roofAfterCpu = roofMeter.Report();
            var roofStored = await UpsertRoof.StoredBytes(pg);
            roofAfterCpu += string.Create(CultureInfo.InvariantCulture, $"; roof payload {roofStored} B as stored");
            if (options.RoofSeconds < 11)
            {
                await Task.Delay(TimeSpan.FromSeconds(11 - options.RoofSeconds), ct);
            }

            probeStatWrites = (await PgSnapshot.Read(pg)).Writes("genomde_grain_state") - statsBefore.Writes("genomde_grain_state");
        }

        // Paced (optional): latency at a fixed, known load.
        string? paced = null;
        long pacedErrors = 0;
        if (options.PacedSeconds > 0)
        {
            // Issue 16: "p99 of every endpoint at half the measured maximum", in both modes. (A rate
            // derived from the roof can lie above the measured maximum, and then measures a queue.)
            var (rate, basis) = options.PacedRate > 0 ? (options.PacedRate, "as given")
                : (0.5 * lifecyclesPerSecond, string.Create(CultureInfo.InvariantCulture, $"half the {lifecyclesPerSecond:F1} lifecycles/s measured above"));
            var pacedCount = (int)Math.Ceiling(rate * options.PacedSeconds) + 1;
            var pacedProviders = new List<string>();
            for (var p = 0; p < (pacedCount + options.CasesPerProvider - 1) / options.CasesPerProvider; p++)
            {
                var ik = string.Create(CultureInfo.InvariantCulture, $"{320000000 + p}");
                await participants.AddProvider(api, ik, register: true);
                pacedProviders.Add(ik);
            }

            recorder.Clear();
            var pacedCpu = new CpuMeter(silo.Pid, postmaster);
            var pacedResult = await PacedRun.Run(lifecycle, rate, TimeSpan.FromSeconds(options.PacedSeconds),
                i => (pacedProviders[i / options.CasesPerProvider], Lifecycle.CaseId(run + "P", i)), ct);
            pacedErrors = recorder.Errors + pacedResult.Failed;
            var lines = new List<string>
            {
                string.Create(CultureInfo.InvariantCulture,
                    $"paced: {rate:F1} lifecycles/s ({basis}) for {options.PacedSeconds} s: {pacedResult.Started} started, {pacedResult.Completed} completed, {pacedResult.Failed} failed, {pacedResult.Skipped} not started (over {PacedRun.MaxInFlight} in flight), {recorder.Errors} request errors, {pacedResult.Seconds:F1} s until the last finished"),
                "  " + pacedCpu.Report(),
            };
            lines.AddRange(recorder.Table());
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  p99 over all requests of the paced phase: {recorder.OverallPercentile(0.99):F1} ms (target < 50 ms)"));
            lines.Add(recorder.Worst(0.99) is { } worst
                ? string.Create(CultureInfo.InvariantCulture, $"  worst endpoint p99 of the paced phase: {worst.Milliseconds:F1} ms, {worst.Label} (target < 50 ms for every endpoint)")
                : "  worst endpoint p99 of the paced phase: no requests");
            paced = string.Join('\n', lines);
        }

        // Scale mode (optional): register cases only, bounded by time and count.
        string? scale = null;
        if (options.ScaleSeconds > 0)
        {
            recorder.Clear();
            await participants.AddProvider(api, "100000002", register: false);
            var le = participants.Providers["100000002"];
            var rss0 = ProcStats.RssBytes(silo.Pid);
            var heap0 = await HeapProbe.LiveBytesAfterFullGc(silo.Pid, HeapTimeout);
            var scaleCpu = new CpuMeter(silo.Pid, postmaster);
            var registered = await RunRequests(options.Concurrency, TimeSpan.FromSeconds(options.ScaleSeconds), options.ScaleMaxCases,
                i => api.Send("POST /cases", HttpMethod.Post, "/api/v1/cases", le,
                    JsonSerializer.Serialize(new { localCaseId = Lifecycle.CaseId(run + "S", i) }), HttpStatusCode.Created, ct: ct), ct);
            var scaleCpuText = scaleCpu.Report();
            var rss1 = ProcStats.RssBytes(silo.Pid);
            var heap1 = await HeapProbe.LiveBytesAfterFullGc(silo.Pid, HeapTimeout);
            scale = string.Create(CultureInfo.InvariantCulture,
                $"scale: {registered.Completed} cases registered in {registered.Seconds:F1} s ({registered.Completed / registered.Seconds:F0}/s), {recorder.Errors} errors; silo RSS {Mb(rss0)} -> {Mb(rss1)} = {(double)(rss1 - rss0) / Math.Max(1, registered.Completed):F0} B per registered case\n  live heap after a full GC {Mb(heap0)} -> {Mb(heap1)} = {PerCase(heap0, heap1, registered.Completed)} per registered (active) case\n  {scaleCpuText}");
        }

        // Reporting reads, after everything above is stored.
        recorder.Clear();
        var reporting = await ReportTimings.Run(api, participants.Operator, ct);
        var reportingErrors = recorder.Errors;

        // ---- Results ----
        Say("");
        Say("==== RESULTS ====");
        Say(string.Create(CultureInfo.InvariantCulture,
            $"lifecycles: {result.Completed} completed, {result.Failed} failed, in {result.Seconds:F1} s at concurrency {options.Concurrency}"));
        Say(string.Create(CultureInfo.InvariantCulture,
            $"  lifecycles/s {lifecyclesPerSecond:F1}   requests/s {requestsPerSecond:F0}   requests per lifecycle {Lifecycle.RequestsPerLifecycle}   errors {lifecycleErrors}"));
        Say(string.Create(CultureInfo.InvariantCulture,
            $"  changing requests per lifecycle {Lifecycle.ChangingRequestsPerLifecycle} (the lifecycle's {Lifecycle.RequestsPerLifecycle} requests but its GETs; recorded: {lifecycleChanging} non-GET requests ÷ {result.Completed} lifecycles = {(double)lifecycleChanging / Math.Max(1, result.Completed):F2})"));
        Say("  " + lifecycleCpu);
        Say("  " + lagReport);
        foreach (var line in lifecycleTable)
        {
            Say(line);
        }

        if (profile is not null)
        {
            foreach (var line in profile.Summary(result.Completed, result.Seconds))
            {
                Say(line);
            }
        }
        else
        {
            Say(options.ProfileSeconds > 0 ? "CPU profile of the silo: not taken (the lifecycles ended before the window's start)" : "CPU profile of the silo: not taken (--profile-seconds 0)");
        }

        Say(string.Create(CultureInfo.InvariantCulture,
            $"silo memory: RSS {Mb(rssBefore)} before, {Mb(rssAfter)} after {result.Completed} lifecycles (all grains still active) = {(double)(rssAfter - rssBefore) / Math.Max(1, result.Completed):F0} B per active case (RSS delta incl. uncollected GC heap)"));
        Say(string.Create(CultureInfo.InvariantCulture,
            $"  live heap after a full GC: {Mb(heapBefore)} before, {Mb(heapActive)} with the run's grains active = {PerCase(heapBefore, heapActive, result.Completed)} per active case"));
        Say(string.Create(CultureInfo.InvariantCulture,
            $"  after POST /operations/deactivate-idle ×2 ({string.Join(", ", deactivated)}): live heap {Mb(heapDeactivated)} = {PerCase(heapBefore, heapDeactivated, result.Completed)} per deactivated case{(options.PostgresMode ? "" : " (embedded: includes the in-memory storage's copy of every state, which is the database in this mode)")}; RSS {Mb(rssDeactivated)}"));

        Say(string.Create(CultureInfo.InvariantCulture,
            $"baseline (PUT /api/v1/providers/{{ik}}, changing name: 1 HTTP request -> provider grain (1 state write) -> provider-directory grain (1 state write)): {baseline.Completed} in {baseline.Seconds:F1} s = {baseline.Completed / baseline.Seconds:F0} req/s, errors {baselineErrors}"));
        Say("  " + baselineCpuText);
        foreach (var line in baselineTable)
        {
            Say(line);
        }

        var baselineRate = baseline.Completed / baseline.Seconds;
        var embeddedRatio = lifecyclesPerSecond / (baselineRate / Lifecycle.RequestsPerLifecycle);
        Say(string.Create(CultureInfo.InvariantCulture,
            $"ratio lifecycles/s ÷ (baseline req/s ÷ {Lifecycle.RequestsPerLifecycle} requests per lifecycle) = {lifecyclesPerSecond:F1} ÷ ({baselineRate:F0} ÷ {Lifecycle.RequestsPerLifecycle}) = {embeddedRatio:F2}"));

        if (before is not null && after is not null && roof is { } r)
        {
            var stateWrites = after.Writes("genomde_grain_state") - before.Writes("genomde_grain_state");
            var reminderWrites = after.Writes("genomde_reminders") - before.Writes("genomde_reminders");
            var eventRows = after.Writes("genomde_events") - before.Writes("genomde_events");
            var eventAppends = after.EventTransactions - before.EventTransactions;
            var versionWrites = after.VersionSum - before.VersionSum;
            var auditRows = after.Writes("genomde_audit") - before.Writes("genomde_audit");
            var auditAppends = after.AuditTransactions - before.AuditTransactions;
            var perLifecycle = (double)(stateWrites + reminderWrites + eventAppends + auditAppends) / Math.Max(1, result.Completed);
            var changing = Lifecycle.ChangingRequestsPerLifecycle;
            Say("durable writes (pg_stat_user_tables, inserts+updates(+deletes) during the measured lifecycles):");
            foreach (var d in after.Delta(before))
            {
                Say(string.Create(CultureInfo.InvariantCulture, $"  {d.Table,-28} ins {d.Ins,8} upd {d.Upd,8} del {d.Del,6}"));
            }

            Say(string.Create(CultureInfo.InvariantCulture,
                $"  grain state writes {stateWrites} (cross-check: sum(version) grew by {versionWrites}, rows {before.Rows} -> {after.Rows}), reminder writes {reminderWrites}"));
            Say(string.Create(CultureInfo.InvariantCulture,
                $"  event log: {eventRows} events in {eventAppends} append transactions (distinct xid; group commit) = {(double)eventRows / Math.Max(1, result.Completed):F1} events per lifecycle"));
            Say(string.Create(CultureInfo.InvariantCulture,
                $"  audit trail: {auditRows} entries in {auditAppends} append transactions (distinct xmin; group commit)"));
            Say(string.Create(CultureInfo.InvariantCulture,
                $"  row writes per lifecycle = (state {stateWrites} + reminders {reminderWrites} + event appends {eventAppends} + audit appends {auditAppends}) ÷ {result.Completed} = {perLifecycle:F2} (every state and reminder row counted as one write: true while each is its own transaction)"));
            Say(string.Create(CultureInfo.InvariantCulture,
                $"  durable write transactions (commits that wrote) per lifecycle = {transactions.Committed} ÷ {result.Completed} = {writeTransactionsPerLifecycle:F2} (transaction ids {before.NextXid}..{after.NextXid - 1}: {transactions.Committed} committed, {transactions.Aborted} aborted, {transactions.Other} other; every transaction that wrote in the window, including the cluster's own and autovacuum's; the bench's reads take none)"));
            Say("  " + after.Wal.PerLifecycle(before.Wal, result.Completed));
            Say("grain state writes during the measured lifecycles, by grain type:");
            foreach (var line in payloads!)
            {
                Say(line);
            }

            var storageWritesPerSecond = stateWrites / result.Seconds;
            Say(string.Create(CultureInfo.InvariantCulture,
                $"roof: {r.Count} single-row upserts ({options.RoofPayloadBytes} B payload, {UpsertRoof.Keys} keys) in {options.RoofSeconds} s at concurrency {options.Concurrency} = {r.PerSecond:F0}/s, p50 {r.P50:F2} ms, p99 {r.P99:F2} ms"));
            Say("  " + roofCpu);
            Say(string.Create(CultureInfo.InvariantCulture,
                $"ratio storage writes/s ÷ roof = {storageWritesPerSecond:F0} ÷ {r.PerSecond:F0} = {storageWritesPerSecond / r.PerSecond:F2}"));
            Say(string.Create(CultureInfo.InvariantCulture,
                $"ratio lifecycles/s ÷ (roof ÷ changing requests per lifecycle) = {lifecyclesPerSecond:F1} ÷ ({r.PerSecond:F0} ÷ {changing}) = {lifecyclesPerSecond / (r.PerSecond / changing):F3} (issue 16: ≥ 0.25, aim 0.5)"));
            Say(string.Create(CultureInfo.InvariantCulture,
                $"ratio lifecycles/s ÷ (roof ÷ durable write transactions per lifecycle) = {lifecyclesPerSecond:F1} ÷ ({r.PerSecond:F0} ÷ {writeTransactionsPerLifecycle:F2}) = {lifecyclesPerSecond / (r.PerSecond / Math.Max(0.01, writeTransactionsPerLifecycle)):F2}"));
            Say(string.Create(CultureInfo.InvariantCulture,
                $"ratio lifecycles/s ÷ (roof ÷ writes per lifecycle) = {lifecyclesPerSecond:F1} ÷ ({r.PerSecond:F0} ÷ {perLifecycle:F2}) = {lifecyclesPerSecond / (r.PerSecond / perLifecycle):F2} (row writes, as before)"));
        }

        if (probe is not null && roof is { } before1 && roofAfter is { } after1)
        {
            Say(string.Create(CultureInfo.InvariantCulture,
                $"storage probe (grain call -> WriteStateAsync -> ADO.NET provider, our SQL; {UpsertRoof.Keys} keys, state {probe.AvgBytes} B as JSON, {probe.AvgStored} B stored): {probe.Count} writes in {probe.Seconds:F1} s at concurrency {options.Concurrency} = {probe.PerSecond:F0}/s, p50 {probe.P50:F2} ms, p99 {probe.P99:F2} ms, errors {probe.Errors}{(probe.FirstError is { } fe ? " (first: " + fe + ")" : "")}"));
            Say("  " + probe.Cpu);
            Say(string.Create(CultureInfo.InvariantCulture,
                $"  cross-check: sum(version) of the probe's rows grew by {probe.VersionDelta} ({probe.Rows} rows); pg_stat_user_tables genomde_grain_state ins+upd {probeStatWrites} = warm-up {probe.Warmup} + measured {probeStatWrites - probe.Warmup}"));
            Say(string.Create(CultureInfo.InvariantCulture,
                $"roof after the probe: {after1.Count} upserts in {options.RoofSeconds} s = {after1.PerSecond:F0}/s, p50 {after1.P50:F2} ms, p99 {after1.P99:F2} ms"));
            Say("  " + roofAfterCpu);
            var meanRoof = (before1.PerSecond + after1.PerSecond) / 2;
            Say(string.Create(CultureInfo.InvariantCulture,
                $"ratio grain state writes/s ÷ roof = {probe.PerSecond:F0} ÷ mean({before1.PerSecond:F0}, {after1.PerSecond:F0}) = {probe.PerSecond / meanRoof:F2} (÷ roof before {probe.PerSecond / before1.PerSecond:F2}, ÷ roof after {probe.PerSecond / after1.PerSecond:F2})"));
        }
        else if (pg is not null)
        {
            Say("storage probe: not run (--storage-seconds 0)");
        }

        Say(paced ?? "paced phase: not run (--paced-seconds 0)");
        if (scale is not null)
        {
            Say(scale);
        }
        else
        {
            Say("scale mode: not run (--scale-seconds 0)");
        }

        foreach (var line in reporting)
        {
            Say(line);
        }

        var ok = reportingErrors == 0 && lifecycleErrors == 0 && result.Failed == 0 && baselineErrors == 0 && pacedErrors == 0 && (probe?.Errors ?? 0) == 0;
        Say(ok ? "errors: 0" : "ERRORS: see the tables above");
        return ok ? 0 : 1;
    }

    private static async Task<(int Completed, int Failed, double Seconds)> RunLifecycles(Lifecycle lifecycle, int count, int concurrency,
        TimeSpan maxDuration, Func<int, (string Provider, string CaseId)> target, TimeSpan? progressEvery, PhaseCounter? counter, CancellationToken ct)
    {
        var next = -1;
        var completed = 0;
        var failed = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(maxDuration.TotalSeconds * Stopwatch.Frequency);
        var start = Stopwatch.GetTimestamp();
        using var done = new CancellationTokenSource();
        var progress = progressEvery is { } every ? Task.Run(async () =>
        {
            var last = 0;
            try
            {
                while (true)
                {
                    await Task.Delay(every, done.Token);
                    var now = Volatile.Read(ref completed);
                    Say(string.Create(CultureInfo.InvariantCulture,
                        $"  progress: {now} lifecycles after {Stopwatch.GetElapsedTime(start).TotalSeconds:F0} s, {(now - last) / every.TotalSeconds:F1}/s in the last {every.TotalSeconds:F0} s"));
                    last = now;
                }
            }
            catch (OperationCanceledException)
            {
                // Phase over.
            }
        }, CancellationToken.None) : Task.CompletedTask;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count && Stopwatch.GetTimestamp() < deadline)
            {
                var (provider, caseId) = target(i);
                try
                {
                    await lifecycle.Run(provider, caseId, ct);
                    Interlocked.Increment(ref completed);
                    counter?.Add();
                }
                catch (BenchFailureException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }, ct)));
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        await done.CancelAsync();
        await progress;
        return (completed, failed, seconds);
    }

    private static async Task<(int Completed, double Seconds)> RunRequests(int concurrency, TimeSpan duration, int maxCount, Func<int, Task> request, CancellationToken ct)
    {
        var next = -1;
        var completed = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while (Stopwatch.GetTimestamp() < deadline && (i = Interlocked.Increment(ref next)) < maxCount)
            {
                try
                {
                    await request(i);
                    Interlocked.Increment(ref completed);
                }
                catch (BenchFailureException)
                {
                    // Counted by the recorder.
                }
            }
        }, ct)));
        return (completed, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    /// <summary>Each worker re-registers its own provider with a new name every time, so every PUT
    /// really changes state (an unchanged PUT would write nothing).</summary>
    private static async Task<(int Completed, double Seconds)> Baseline(Api api, string operatorToken, int concurrency, TimeSpan duration, CancellationToken ct)
    {
        var counters = new int[concurrency];
        return await RunRequests(concurrency, duration, int.MaxValue, async i =>
        {
            var w = i % concurrency;
            var ik = string.Create(CultureInfo.InvariantCulture, $"{310000000 + w}");
            var n = Interlocked.Increment(ref counters[w]);
            await api.Send("PUT /providers/{ik} (baseline)", HttpMethod.Put, $"/api/v1/providers/{ik}", operatorToken,
                Participants.ProviderBody(string.Create(CultureInfo.InvariantCulture, $"Baseline LE {ik} #{n}")), ct: ct);
        }, ct);
    }

    /// <summary>PostgreSQL backends flush their table statistics at most every second while busy and
    /// within 10 s of going idle; wait that out so pg_stat_user_tables is complete.</summary>
    private static Task WaitForPgStats(CancellationToken ct) => Task.Delay(TimeSpan.FromSeconds(11), ct);

    private static string FindRepository()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "GenomDE.Orleans.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("GenomDE.Orleans.sln not found above the current directory or the bench binaries.");
    }

    private static async Task<string> BuildSilo(string repo, CancellationToken ct)
    {
        Say("building the silo (Release)…");
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = repo };
        foreach (var a in new[] { "build", "-c", "Release", "-nologo", "-v", "q", "silo/GenomDE.Orleans.Silo.csproj" })
        {
            psi.ArgumentList.Add(a);
        }

        using var build = Process.Start(psi)!;
        var output = build.StandardOutput.ReadToEndAsync(ct);
        var errors = build.StandardError.ReadToEndAsync(ct);
        await build.WaitForExitAsync(ct);
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException("building the silo failed:\n" + await output + await errors);
        }

        return Path.Combine(repo, "silo", "bin", "Release", "net10.0", "GenomDE.Orleans.Silo.dll");
    }

    private static string Machine()
    {
        var memTotal = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        return $"machine: {Environment.ProcessorCount} cores ({model}), {memTotal.Split(':')[1].Trim()} memory, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    private static readonly TimeSpan HeapTimeout = TimeSpan.FromSeconds(60);

    private static string PerCase(long? before, long? after, int cases) =>
        before is { } b && after is { } a ? string.Create(CultureInfo.InvariantCulture, $"{(double)(a - b) / Math.Max(1, cases):F0} B") : "not measured (the runtime did not answer the heap probe)";

    private static string Mb(long? bytes) => bytes is null ? "?" : Mb(bytes.Value);

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F1} MB");

    private static void Say(string line) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss}] {line}"));
}
