using System.Globalization;
using System.Text;
using System.Text.Json;
using GenomDE.Orleans.GrainInterfaces.Events;
using GenomDE.Orleans.GrainInterfaces.Reporting;
using GenomDE.Orleans.Persistence.Storage;
using Npgsql;
using NpgsqlTypes;

namespace GenomDE.Orleans.Silo.Events;

/// <summary>The event log in PostgreSQL (table <c>genomde_events</c>, schema 005). Position =
/// (inserting transaction's xid8, row sequence); reads stop below the oldest transaction still
/// running, so a position never moves past an event that commits later. See 005_events.sql.</summary>
public sealed class PostgresEventLog(NpgsqlDataSource dataSource, bool ownsDataSource = false, PostgresGroupCommit? groupCommit = null) : IEventLog, IAsyncDisposable
{
    // The text of the xid under its own name: a bare "xid::text" would be named xid, and ORDER BY xid
    // would then sort by that text ("1001" before "802") instead of the xid8.
    private const string Columns = "xid::text AS xid_text, seq, event_id, type, source, subject, time, data::text, audience, ordering_key, reporting::text";

    /// <summary>The reporting column as grain state is stored: enums by name, readable in psql.</summary>
    private static readonly JsonSerializerOptions ReportingJson = CreateReportingJson();

    public async Task AppendAsync(IReadOnlyList<PlatformEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0)
        {
            return;
        }

        // One statement for the whole batch, never an open transaction between statements (an open
        // transaction holds back every reader's horizon). With the silo's group commit it shares the
        // commit of the grain writes waiting at the same time.
        if (groupCommit is not null)
        {
            await groupCommit.AppendAsync(() => Insert(events));
            return;
        }

        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Insert(events));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Insert(IReadOnlyList<PlatformEvent> events)
    {
        var command = new NpgsqlBatchCommand("""
            INSERT INTO genomde_events (event_id, type, source, subject, time, data, audience, ordering_key, reporting)
            SELECT e.event_id, e.type, e.source, e.subject, e.time, e.data::jsonb, string_to_array(e.audience, chr(31)), e.ordering_key, e.reporting::jsonb
              FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::text[], $9::text[])
                   WITH ORDINALITY AS e(event_id, type, source, subject, time, data, audience, ordering_key, reporting, n)
             ORDER BY e.n
            ON CONFLICT (event_id) DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Id).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Type).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Source).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Subject).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Time.ToUniversalTime()).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => JsonSerializer.Serialize(e.Data)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => string.Join('\u001f', e.Audience)).ToArray() }); // unit separator: never in an audience entry
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.OrderingKey).ToArray() });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = events.Select(e => e.Reporting is null ? null : JsonSerializer.Serialize(e.Reporting, ReportingJson)).ToArray(),
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text,
        });
        return command;
    }

    public async Task<EventPage> ReadAsync(EventPosition? after, int limit, string? audience, string? typePrefix, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var from = after ?? EventCursor.Start;
        var sql = new StringBuilder($"""
            SELECT {Columns} FROM genomde_events
            WHERE (xid, seq) > ($1::text::xid8, $2)
              AND xid < pg_snapshot_xmin(pg_current_snapshot())
            """);
        await using var command = dataSource.CreateCommand();
        command.Parameters.Add(new NpgsqlParameter { Value = from.Major.ToString(CultureInfo.InvariantCulture) });
        command.Parameters.Add(new NpgsqlParameter { Value = from.Minor });
        if (audience is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = new[] { audience }, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            sql.Append(CultureInfo.InvariantCulture, $" AND audience @> ${command.Parameters.Count}");
        }

        if (typePrefix is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = typePrefix });
            sql.Append(CultureInfo.InvariantCulture, $" AND starts_with(type, ${command.Parameters.Count})"); // not LIKE: '_' is in type names
        }

        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        sql.Append(CultureInfo.InvariantCulture, $" ORDER BY xid, seq LIMIT ${command.Parameters.Count}");
        command.CommandText = sql.ToString();

        List<PlatformEvent> events = [];
        List<EventPosition> positions = [];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            positions.Add(new EventPosition(long.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetInt64(1)));
            events.Add(new PlatformEvent(
                Id: reader.GetString(2),
                Type: reader.GetString(3),
                Source: reader.GetString(4),
                Subject: reader.GetString(5),
                Time: reader.GetFieldValue<DateTimeOffset>(6),
                Data: JsonSerializer.Deserialize<Dictionary<string, string?>>(reader.GetString(7)) ?? [],
                Audience: reader.GetFieldValue<string[]>(8),
                OrderingKey: reader.GetString(9),
                Reporting: reader.IsDBNull(10) ? null : JsonSerializer.Deserialize<ReportingChange>(reader.GetString(10), ReportingJson)));
        }

        return new EventPage(events, positions.Count > 0 ? positions[^1] : after, positions);
    }

    private static JsonSerializerOptions CreateReportingJson()
    {
        var json = new JsonSerializerOptions();
        Hosting.SiloConfiguration.ConfigureStorageJson(json);
        return json;
    }

    public ValueTask DisposeAsync() => ownsDataSource ? dataSource.DisposeAsync() : ValueTask.CompletedTask;

    /// <summary>Deletes events appended before <paramref name="cutoff"/>; answers how many.</summary>
    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM genomde_events WHERE appended_at < $1");
        command.Parameters.Add(new NpgsqlParameter { Value = cutoff.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
