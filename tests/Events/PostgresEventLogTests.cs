using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Reporting;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.GrainInterfaces.Events;
using GenomDE.Orleans.GrainInterfaces.Reporting;
using GenomDE.Orleans.Silo.Events;
using GenomDE.Orleans.Tests.Fixtures;
using Npgsql;

namespace GenomDE.Orleans.Tests.Events;

/// <summary>The PostgreSQL event log on the shared throwaway database (schema applied by the
/// migrator). Each test reads under its own audience, so tests never see each other's events.</summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class PostgresEventLogTests(PostgresPlatformFixture platform) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(platform.Database.ConnectionString);

    private PostgresEventLog Log => new(_dataSource);

    [Fact]
    public async Task The_same_event_appended_twice_is_stored_once()
    {
        var ik = TestIds.Ik();
        var e = SyntheticEvents.Case(ik);

        await Log.AppendAsync([e, e]);
        await Log.AppendAsync([e]);

        var page = await Log.ReadAsync(null, 10, Audiences.Provider(ik), null);
        var stored = Assert.Single(page.Events);
        Assert.Equal(e.Id, stored.Id);
        Assert.Equal(e.Data, stored.Data);
        Assert.Equal(e.Audience, stored.Audience);
        Assert.Equal(e.Time.ToUnixTimeMilliseconds(), stored.Time.ToUnixTimeMilliseconds());
        Assert.Equal(page.Positions![0], page.Next);
    }

    [Fact]
    public async Task What_an_event_means_for_reporting_is_stored_beside_it_and_read_back_whole()
    {
        var ik = TestIds.Ik();
        var row = Reporting.ReportTablesTests.Row("tan-roundtrip", ik) with
        {
            DetailedQc = DetailedQcState.Failed,
            DetailedQcFailure = new DetailedQcFailure("index", "dna", "somatic", "panel", 30, 20,
                new DetailedQcMetricResult(DetailedQcMetric.MeanDepthOfCoverage, 40, 20, 30, -50, DetailedQcStatus.TooLow), null, null, "1.1.0"),
            ReceivedOn = new DateOnly(2025, 7, 2),
        };
        // A node ID no report is read for and a counter name the statistics do not know: the
        // projector of the shared cluster may apply this event, and nothing it shows changes.
        var reporting = new ReportingChange(
            [new PlacedFact("GRZRT0001/2025-07-02/0", new ReportFact(row.Tan, 3, row)), new PlacedFact("GRZRT0001/2025-07-01/0", new ReportFact(row.Tan, 3, null))],
            new Dictionary<string, long> { [$"roundtrip|{ik}"] = -1 });
        var e = SyntheticEvents.Case(ik) with { Reporting = reporting };

        await Log.AppendAsync([e, SyntheticEvents.Case(ik)]);

        var page = await Log.ReadAsync(null, 10, Audiences.Provider(ik), null);
        Assert.Equal(reporting.Rows, page.Events[0].Reporting!.Rows);
        Assert.Equal(reporting.Counters, page.Events[0].Reporting!.Counters);
        Assert.Null(page.Events[1].Reporting);
    }

    [Fact]
    public async Task Positions_order_by_the_transaction_id_as_a_number_not_as_text()
    {
        // xids of different digit counts: as text "10" sorts before "9", as xid8 after it.
        var ik = TestIds.Ik();
        var (later, earlier) = (SyntheticEvents.Case(ik), SyntheticEvents.Case(ik));
        await using (var insert = _dataSource.CreateCommand("""
            INSERT INTO genomde_events (xid, event_id, type, source, subject, time, data, audience, ordering_key)
            VALUES ('10'::xid8, $1, 't', 's', 's', now(), '{}', $3, 'k'), ('9'::xid8, $2, 't', 's', 's', now(), '{}', $3, 'k')
            """))
        {
            insert.Parameters.AddWithValue(later.Id);
            insert.Parameters.AddWithValue(earlier.Id);
            insert.Parameters.AddWithValue(new[] { Audiences.Provider(ik) });
            await insert.ExecuteNonQueryAsync();
        }

        var first = await Log.ReadAsync(null, 1, Audiences.Provider(ik), null);
        var second = await Log.ReadAsync(first.Next, 1, Audiences.Provider(ik), null);
        var end = await Log.ReadAsync(second.Next, 1, Audiences.Provider(ik), null);

        Assert.Equal([earlier.Id, later.Id], first.Events.Concat(second.Events).Select(e => e.Id));
        Assert.Equal((9L, 10L), (first.Next!.Major, second.Next!.Major));
        Assert.Empty(end.Events);
    }

    [Fact]
    public async Task A_reader_never_passes_an_event_whose_transaction_commits_later()
    {
        var ik = TestIds.Ik();
        var audience = Audiences.Provider(ik);
        var slow = SyntheticEvents.Case(ik);
        var fast = SyntheticEvents.Case(ik, "data_received");

        // The slow writer takes its transaction ID first and commits last.
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO genomde_events (event_id, type, source, subject, time, data, audience, ordering_key)
            VALUES ($1, $2, $3, $4, $5, '{}'::jsonb, $6, $7)
            """, connection, tx))
        {
            foreach (var value in new object[] { slow.Id, slow.Type, slow.Source, slow.Subject, slow.Time, new[] { audience }, slow.OrderingKey })
            {
                insert.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            await insert.ExecuteNonQueryAsync();
        }

        await Log.AppendAsync([fast]);
        var whileOpen = await Log.ReadAsync(null, 10, audience, null);
        Assert.Empty(whileOpen.Events); // the later event waits until the earlier transaction finished

        await tx.CommitAsync();
        var after = await Log.ReadAsync(whileOpen.Next, 10, audience, null);
        Assert.Equal([slow.Id, fast.Id], after.Events.Select(e => e.Id));
    }

    [Fact]
    public async Task Concurrent_appenders_and_a_pager_reading_meanwhile_see_every_event_once()
    {
        var ik = TestIds.Ik();
        var audience = Audiences.Provider(ik);
        var events = Enumerable.Range(0, 240).Select(_ => SyntheticEvents.Case(ik)).ToList();
        var appending = Task.WhenAll(events.Chunk(40).Select(chunk => Task.Run(async () =>
        {
            foreach (var pair in chunk.Chunk(2))
            {
                await Log.AppendAsync(pair);
            }
        })));

        List<string> seen = [];
        List<EventPosition> positions = [];
        EventPosition? position = null;
        var drained = false;
        while (!drained)
        {
            var finished = appending.IsCompleted;
            var page = await Log.ReadAsync(position, 5, audience, null);
            seen.AddRange(page.Events.Select(e => e.Id));
            positions.AddRange(page.Positions!);
            position = page.Next;
            drained = finished && page.Events.Count == 0;
        }

        await appending;
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(events.Select(e => e.Id).Order(), seen.Order());
        Assert.True(positions.Zip(positions.Skip(1)).All(p => (p.First.Major, p.First.Minor).CompareTo((p.Second.Major, p.Second.Minor)) < 0));
    }

    [Fact]
    public async Task Type_prefix_filters_and_retention_deletes_only_old_events()
    {
        var ik = TestIds.Ik();
        var audience = Audiences.Provider(ik);
        var old = SyntheticEvents.Case(ik, "submission_accepted");
        var token = SyntheticEvents.Token(ik);
        await Log.AppendAsync([old, token]);

        Assert.Equal([token.Id], (await Log.ReadAsync(null, 10, audience, "de.genomde.token.")).Events.Select(e => e.Id));
        Assert.Equal([old.Id], (await Log.ReadAsync(null, 10, audience, "de.genomde.case.submission_")).Events.Select(e => e.Id));

        await using (var age = _dataSource.CreateCommand("UPDATE genomde_events SET appended_at = now() - interval '40 days' WHERE event_id = $1"))
        {
            age.Parameters.Add(new NpgsqlParameter { Value = old.Id });
            await age.ExecuteNonQueryAsync();
        }

        Assert.True(await Log.DeleteOlderThanAsync(DateTimeOffset.UtcNow - TimeSpan.FromDays(30)) >= 1);
        Assert.Equal([token.Id], (await Log.ReadAsync(null, 10, audience, null)).Events.Select(e => e.Id));
    }

    [Fact]
    public async Task The_feed_reads_the_PostgreSQL_log_in_durable_mode()
    {
        var ik = TestIds.Ik();
        var e = SyntheticEvents.Case(ik);
        await platform.EventLog().AppendAsync([e]);

        var (ids, next) = await EventFeedApiTests.Page(platform.Client(ParticipantRole.Provider, ik), "/api/v1/events");
        Assert.Equal([e.Id], ids);
        Assert.True(EventCursor.TryDecode(next, out var position) && position.Major > 0);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
