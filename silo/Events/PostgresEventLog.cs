using System.Globalization;
using System.Text;
using System.Text.Json;
using GenomDE.Orleans.GrainInterfaces.Events;
using Npgsql;
using NpgsqlTypes;

namespace GenomDE.Orleans.Silo.Events;

/// <summary>The event log in PostgreSQL (table <c>genomde_events</c>, schema 005). Position =
/// (inserting transaction's xid8, row sequence); reads stop below the oldest transaction still
/// running, so a position never moves past an event that commits later. See 005_events.sql.</summary>
public sealed class PostgresEventLog(NpgsqlDataSource dataSource, bool ownsDataSource = false) : IEventLog, IAsyncDisposable
{
    private const string Columns = "xid::text, seq, event_id, type, source, subject, time, data::text, audience, ordering_key";

    public async Task AppendAsync(IReadOnlyList<PlatformEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, tx);
        foreach (var e in events)
        {
            var command = new NpgsqlBatchCommand("""
                INSERT INTO genomde_events (event_id, type, source, subject, time, data, audience, ordering_key)
                VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)
                ON CONFLICT (event_id) DO NOTHING
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = e.Id });
            command.Parameters.Add(new NpgsqlParameter { Value = e.Type });
            command.Parameters.Add(new NpgsqlParameter { Value = e.Source });
            command.Parameters.Add(new NpgsqlParameter { Value = e.Subject });
            command.Parameters.Add(new NpgsqlParameter { Value = e.Time.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(e.Data) });
            command.Parameters.Add(new NpgsqlParameter { Value = e.Audience.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = e.OrderingKey });
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
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
                OrderingKey: reader.GetString(9)));
        }

        return new EventPage(events, positions.Count > 0 ? positions[^1] : after, positions);
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
