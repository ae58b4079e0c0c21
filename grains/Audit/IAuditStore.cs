using GenomDE.Orleans.GrainInterfaces.Audit;

namespace GenomDE.Orleans.Grains.Audit;

/// <summary>Where the audit chain lives: an append-only PostgreSQL table in durable mode, memory in
/// the embedded default. Only the audit log grain writes.</summary>
public interface IAuditStore
{
    Task<AuditEntry?> LastAsync(CancellationToken cancellationToken = default);

    Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Entries in stored order after <paramref name="afterSeq"/> (by sequence number).</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(long afterSeq, int limit, CancellationToken cancellationToken = default);

    Task AppendCheckpointAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AuditCheckpoint>> CheckpointsAsync(CancellationToken cancellationToken = default);
}

/// <summary>The embedded default's audit chain: in the audit log grain's memory (which never
/// deactivates), so every silo of a cluster appends to the same chain.</summary>
public sealed class MemoryAuditStore : IAuditStore
{
    private readonly List<AuditEntry> _entries = [];
    private readonly List<AuditCheckpoint> _checkpoints = [];

    public Task<AuditEntry?> LastAsync(CancellationToken cancellationToken = default) => Task.FromResult(_entries.LastOrDefault());

    public Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        _entries.AddRange(entries);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> ReadAsync(long afterSeq, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>([.. _entries.Where(e => e.Seq > afterSeq).Take(limit)]);

    public Task AppendCheckpointAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        _checkpoints.Add(checkpoint);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditCheckpoint>> CheckpointsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AuditCheckpoint>>([.. _checkpoints]);
}
