using System.Text.Json;
using GenomDE.Orleans.GrainInterfaces.Audit;
using GenomDE.Orleans.Grains.Audit;
using GenomDE.Orleans.Persistence.Storage;
using Npgsql;
using NpgsqlTypes;

namespace GenomDE.Orleans.Silo.Audit;

/// <summary>The audit chain in PostgreSQL (schema 007; checkpoints' Merkle root 008): one multi-row
/// INSERT per batch, so a batch is stored whole or not at all; reads by sequence number.</summary>
public sealed class PostgresAuditStore(NpgsqlDataSource dataSource, bool ownsDataSource = false, PostgresGroupCommit? groupCommit = null) : IAuditStore, IAsyncDisposable
{
    public async Task<AuditEntry?> LastAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT seq, prev_hash, hash, entry FROM genomde_audit ORDER BY seq DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        // With the silo's group commit the entries share the commit of the grain writes and events
        // waiting at the same time: the command they record and its trail entry become durable together.
        if (groupCommit is not null)
        {
            await groupCommit.AppendAsync(() => Insert(entries));
            return;
        }

        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Insert(entries));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Insert(IReadOnlyList<AuditEntry> entries)
    {
        var command = new NpgsqlBatchCommand("""
            INSERT INTO genomde_audit (seq, prev_hash, hash, entry)
            SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[])
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = entries.Select(e => e.Seq).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = entries.Select(e => e.PrevHash).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = entries.Select(e => e.Hash).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = entries.Select(e => JsonSerializer.Serialize(e.Draft)).ToArray() });
        return command;
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(long afterSeq, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT seq, prev_hash, hash, entry FROM genomde_audit WHERE seq > $1 ORDER BY seq LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter { Value = afterSeq });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(Read(reader));
        }

        return entries;
    }

    public async Task AppendCheckpointAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO genomde_audit_checkpoints (seq, head_hash, time, key_id, public_key, signature, merkle_root)
            VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = checkpoint.Seq });
        command.Parameters.Add(new NpgsqlParameter { Value = checkpoint.HeadHash });
        command.Parameters.Add(new NpgsqlParameter { Value = checkpoint.Time.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = checkpoint.KeyId });
        command.Parameters.Add(new NpgsqlParameter { Value = checkpoint.PublicKey });
        command.Parameters.Add(new NpgsqlParameter { Value = checkpoint.Signature });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)checkpoint.MerkleRoot ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditCheckpoint>> CheckpointsAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT seq, head_hash, time, key_id, public_key, signature, merkle_root FROM genomde_audit_checkpoints ORDER BY seq, key_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var checkpoints = new List<AuditCheckpoint>();
        while (await reader.ReadAsync(cancellationToken))
        {
            checkpoints.Add(new AuditCheckpoint(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return checkpoints;
    }

    public ValueTask DisposeAsync() => ownsDataSource ? dataSource.DisposeAsync() : ValueTask.CompletedTask;

    /// <summary>A row whose entry text no longer reads as an entry is returned with an empty draft:
    /// its hash then fails, and verification names it instead of stopping.</summary>
    private static AuditEntry Read(NpgsqlDataReader reader)
    {
        AuditDraft? draft;
        try
        {
            draft = JsonSerializer.Deserialize<AuditDraft>(reader.GetString(3));
        }
        catch (JsonException)
        {
            draft = null;
        }

        return new(reader.GetInt64(0), draft ?? new AuditDraft(DateTimeOffset.UnixEpoch, "", "", null, "unreadable", "", "", 0, ""),
            reader.GetString(1), reader.GetString(2));
    }
}
