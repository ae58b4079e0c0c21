using System.Diagnostics;
using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;

namespace GenomDE.Orleans.Persistence.Storage;

/// <summary>Group commit for grain state writes: writes that arrive while a batch is being committed
/// wait and go together in the next one, one statement (<c>WriteBatchToStorageKey</c>, schema 010)
/// and one commit for all of them. Each write keeps its own ETag guard and learns its own outcome:
/// its new version, or null when it was stale. A caller's task completes only after PostgreSQL
/// answered ReadyForQuery for the statement, i.e. after the commit (and with
/// <c>synchronous_commit=on</c> its WAL flush); if the batch fails or the connection dies on the way,
/// every write of it fails with the exception, so nothing uncommitted is ever acknowledged and a
/// failed write may or may not have committed, exactly like a single write whose answer was lost.</summary>
public sealed class StateWriteBatcher : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _serviceId;
    private readonly GroupCommitOptions _options;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _slots;
    private readonly List<PendingWrite> _carried = [];
    private string? _sql;
    private Task? _loop;
    private long _batches;
    private long _writes;

    public StateWriteBatcher(string connectionString, string serviceId, GroupCommitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _serviceId = serviceId;
        _options = options;
        _slots = new SemaphoreSlim(Math.Max(1, options.MaxBatchesInFlight));
    }

    /// <summary>Statements that committed so far, and the writes they carried (tests, diagnostics).</summary>
    public (long Batches, long Writes) Committed => (Interlocked.Read(ref _batches), Interlocked.Read(ref _writes));

    /// <summary>Reads the statement from OrleansQuery (the schema owns all SQL) and starts the writer.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'WriteBatchToStorageKey'");
        _sql = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string
            ?? throw new InvalidOperationException("OrleansQuery has no WriteBatchToStorageKey: the database schema is older than this silo (run the migration).");
        _loop = Task.Run(WriteLoop, CancellationToken.None);
    }

    /// <summary>Writes one grain state; answers its new version, or null when its ETag was stale
    /// (or, without an ETag, a row already existed).</summary>
    public Task<int?> WriteAsync(GrainStateIdentity identity, int? expectedVersion, byte[] payload)
    {
        var pending = new PendingWrite(identity, expectedVersion, payload, Activity.Current);
        if (_loop is null || !_queue.Writer.TryWrite(pending))
        {
            // Not started yet, or stopping: no one gathers batches any more, so write alone.
            return WriteAlone(pending);
        }

        return pending.Done.Task;
    }

    /// <summary>Stops taking writes into batches and waits for those in flight.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _slots.Dispose();
    }

    private async Task<int?> WriteAlone(PendingWrite pending)
    {
        await RunBatch([pending]).ConfigureAwait(false);
        return await pending.Done.Task.ConfigureAwait(false);
    }

    private async Task WriteLoop()
    {
        while (_carried.Count > 0 || await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            await _slots.WaitAsync().ConfigureAwait(false);
            var batch = TakeBatch();
            if (batch.Count == 0)
            {
                _slots.Release();
                continue;
            }

            _ = RunBatchInSlot(batch);
        }

        // Drained: holding every slot means no batch is in flight any more.
        for (var i = 0; i < Math.Max(1, _options.MaxBatchesInFlight); i++)
        {
            await _slots.WaitAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Everything waiting, up to the limits, with at most one write per grain row: the
    /// statement matches inserted rows back by identity, and two writes of one row (possible only
    /// from a transient duplicate activation) must meet each other's ETag in order, not in one
    /// statement.</summary>
    private List<PendingWrite> TakeBatch()
    {
        var batch = new List<PendingWrite>();
        var rows = new HashSet<GrainStateIdentity>();
        var bytes = 0L;
        var carried = _carried.ToList();
        _carried.Clear();
        foreach (var write in carried)
        {
            Add(write);
        }

        while (batch.Count < _options.MaxBatchSize && bytes < _options.MaxBatchBytes && _queue.Reader.TryRead(out var next))
        {
            Add(next);
        }

        return batch;

        void Add(PendingWrite write)
        {
            if (batch.Count >= _options.MaxBatchSize || (batch.Count > 0 && bytes + write.Payload.Length > _options.MaxBatchBytes) || !rows.Add(write.Identity))
            {
                _carried.Add(write);
                return;
            }

            batch.Add(write);
            bytes += write.Payload.Length;
        }
    }

    private async Task RunBatchInSlot(List<PendingWrite> batch)
    {
        try
        {
            await RunBatch(batch).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task RunBatch(List<PendingWrite> batch)
    {
        // The database span belongs to the first write's trace (the others' traces show their wait).
        Activity.Current = batch[0].Activity;
        var versions = new Dictionary<int, int>(batch.Count);
        try
        {
            await using (var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false))
            await using (var command = new NpgsqlCommand(_sql ?? throw new InvalidOperationException("The batched write path was not started."), connection))
            {
                AddParameters(command, batch);
                await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
                while (await reader.ReadAsync().ConfigureAwait(false))
                {
                    versions[reader.GetInt32(0)] = reader.GetInt32(1);
                }

                // Disposing the reader consumes the rest of the answer up to ReadyForQuery, which
                // PostgreSQL sends only after the statement's implicit transaction committed; a
                // failed commit raises here, before any write is acknowledged.
                await reader.DisposeAsync().ConfigureAwait(false);
            }
        }
        catch (Exception failure)
        {
            foreach (var write in batch)
            {
                write.Done.TrySetException(failure);
            }

            return;
        }

        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _writes, batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Done.TrySetResult(versions.TryGetValue(i, out var version) ? version : null);
        }
    }

    private void AddParameters(NpgsqlCommand command, List<PendingWrite> batch)
    {
        var n = batch.Count;
        var ordinals = new int[n];
        var idHashes = new int[n];
        var typeHashes = new int[n];
        var n0s = new long[n];
        var n1s = new long[n];
        var types = new string[n];
        var extensions = new string?[n];
        var expected = new int?[n];
        var payloads = new byte[n][];
        for (var i = 0; i < n; i++)
        {
            var (identity, version, payload) = (batch[i].Identity, batch[i].ExpectedVersion, batch[i].Payload);
            ordinals[i] = i;
            idHashes[i] = identity.IdHash;
            typeHashes[i] = identity.TypeHash;
            n0s[i] = identity.N0;
            n1s[i] = identity.N1;
            types[i] = identity.StateName;
            extensions[i] = identity.Extension;
            expected[i] = version;
            payloads[i] = payload;
        }

        command.Parameters.Add(new NpgsqlParameter("Ordinals", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = ordinals });
        command.Parameters.Add(new NpgsqlParameter("GrainIdHashes", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = idHashes });
        command.Parameters.Add(new NpgsqlParameter("GrainTypeHashes", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = typeHashes });
        command.Parameters.Add(new NpgsqlParameter("GrainIdN0s", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = n0s });
        command.Parameters.Add(new NpgsqlParameter("GrainIdN1s", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = n1s });
        command.Parameters.Add(new NpgsqlParameter("GrainTypes", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = types });
        command.Parameters.Add(new NpgsqlParameter("GrainIdExtensions", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = extensions });
        command.Parameters.Add(new NpgsqlParameter("Versions", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = expected });
        command.Parameters.Add(new NpgsqlParameter("Payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = payloads });
        command.Parameters.Add(new NpgsqlParameter("ServiceId", NpgsqlDbType.Varchar) { Value = _serviceId });
    }

    private sealed record PendingWrite(GrainStateIdentity Identity, int? ExpectedVersion, byte[] Payload, Activity? Activity)
    {
        public TaskCompletionSource<int?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
