using System.Diagnostics;
using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;

namespace GenomDE.Orleans.Persistence.Storage;

/// <summary>Group commit for everything a silo makes durable in PostgreSQL on the command path:
/// grain state writes, event-log appends and audit appends that arrive while a commit is under way
/// wait and go together in the next one — one round trip and one commit (one WAL flush) for all of
/// them. Grain state writes of a batch are one statement (<c>WriteBatchToStorageKey</c>, schema 010),
/// each with its own ETag guard and its own outcome (new version, or null when stale); appends are
/// one statement each, built by their owner, in the same implicit transaction.
/// A caller's task completes only after PostgreSQL answered ReadyForQuery, which it sends after the
/// commit (with <c>synchronous_commit=on</c> after the WAL flush): nothing uncommitted is ever
/// acknowledged. If the connection fails on the way, every part of the batch fails with it (it may or
/// may not have committed, as a single write whose answer was lost). If one statement is refused
/// (an ERROR: the implicit transaction rolled back, nothing of the batch committed), the parts are
/// tried again alone, so one bad part never fails the writes that merely shared its commit.</summary>
public sealed class PostgresGroupCommit : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _serviceId;
    private readonly GroupCommitOptions _options;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _slots;
    private readonly List<Pending> _carried = [];
    private string? _stateSql;
    private Task? _loop;
    private long _commits;
    private long _stateWrites;
    private long _appends;

    public PostgresGroupCommit(string connectionString, string serviceId, GroupCommitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _serviceId = serviceId;
        _options = options;
        _slots = new SemaphoreSlim(Slots);
    }

    /// <summary>Commits so far, and the grain state writes and appends they carried (tests, diagnostics).</summary>
    public (long Commits, long StateWrites, long Appends) Committed =>
        (Interlocked.Read(ref _commits), Interlocked.Read(ref _stateWrites), Interlocked.Read(ref _appends));

    private int Slots => Math.Max(1, _options.MaxBatchesInFlight);

    /// <summary>Reads the state statement from OrleansQuery (the schema owns that SQL) and starts the
    /// writer. Idempotent: the grain storage and the event log may both start it.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_stateSql is not null)
        {
            return;
        }

        await using var command = _dataSource.CreateCommand("SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'WriteBatchToStorageKey'");
        var sql = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string
            ?? throw new InvalidOperationException("OrleansQuery has no WriteBatchToStorageKey: the database schema is older than this silo (run the migration).");
        if (Interlocked.CompareExchange(ref _stateSql, sql, null) is null)
        {
            _loop = Task.Run(WriteLoop, CancellationToken.None);
        }
    }

    /// <summary>Writes one grain state; answers its new version, or null when its ETag was stale
    /// (or, without an ETag, a row already existed).</summary>
    public Task<int?> WriteStateAsync(GrainStateIdentity identity, int? expectedVersion, byte[] payload)
    {
        var write = new StateWrite(identity, expectedVersion, payload, Activity.Current);
        Enqueue(write);
        return write.Done.Task;
    }

    /// <summary>Runs <paramref name="statement"/> in the next commit. The factory may be called more
    /// than once (a batch refused by another part is tried again part by part).</summary>
    public Task AppendAsync(Func<NpgsqlBatchCommand> statement)
    {
        var append = new Append(statement, Activity.Current);
        Enqueue(append);
        return append.Done.Task;
    }

    /// <summary>Stops gathering batches and waits for those in flight; later writes go alone.</summary>
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

    private void Enqueue(Pending pending)
    {
        if (_loop is null || !_queue.Writer.TryWrite(pending))
        {
            // Not started yet, or stopping: no one gathers batches any more, so commit it alone.
            _ = RunBatch([pending]);
        }
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
        for (var i = 0; i < Slots; i++)
        {
            await _slots.WaitAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Everything waiting, up to the limits, with at most one write per grain row: the
    /// statement matches inserted rows back by identity, and two writes of one row (possible only
    /// from a transient duplicate activation) must meet each other's ETag in order, not in one
    /// statement.</summary>
    private List<Pending> TakeBatch()
    {
        var batch = new List<Pending>();
        var rows = new HashSet<GrainStateIdentity>();
        var bytes = 0L;
        var carried = _carried.ToList();
        _carried.Clear();
        foreach (var pending in carried)
        {
            Add(pending);
        }

        while (batch.Count < _options.MaxBatchSize && bytes < _options.MaxBatchBytes && _queue.Reader.TryRead(out var next))
        {
            Add(next);
        }

        return batch;

        void Add(Pending pending)
        {
            var size = pending is StateWrite write ? write.Payload.Length : 0;
            if (batch.Count >= _options.MaxBatchSize
                || (batch.Count > 0 && bytes + size > _options.MaxBatchBytes)
                || (pending is StateWrite state && !rows.Add(state.Identity)))
            {
                _carried.Add(pending);
                return;
            }

            batch.Add(pending);
            bytes += size;
        }
    }

    private async Task RunBatchInSlot(List<Pending> batch)
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

    private async Task RunBatch(List<Pending> batch)
    {
        // The database span belongs to the first caller's trace (the others' traces show their wait).
        Activity.Current = batch[0].Activity;
        var states = batch.OfType<StateWrite>().ToList();
        var appends = batch.OfType<Append>().ToList();
        try
        {
            await Commit(states, appends).ConfigureAwait(false);
        }
        catch (PostgresException refused) when (refused.Severity == "ERROR" && (states.Count > 0 ? 1 : 0) + appends.Count > 1)
        {
            // One statement was refused and the whole implicit transaction rolled back: try each
            // part alone, so only the part at fault fails.
            await CommitAlone(states, []).ConfigureAwait(false);
            foreach (var append in appends)
            {
                await CommitAlone([], [append]).ConfigureAwait(false);
            }
        }
        catch (Exception failure)
        {
            Fail(batch, failure);
        }
    }

    private async Task CommitAlone(List<StateWrite> states, List<Append> appends)
    {
        if (states.Count + appends.Count == 0)
        {
            return;
        }

        try
        {
            await Commit(states, appends).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            Fail([.. states, .. appends], failure);
        }
    }

    private static void Fail(IEnumerable<Pending> batch, Exception failure)
    {
        foreach (var pending in batch)
        {
            pending.Fail(failure);
        }
    }

    /// <summary>One round trip, one implicit transaction; completes the callers only after it committed.</summary>
    private async Task Commit(List<StateWrite> states, List<Append> appends)
    {
        var versions = new Dictionary<int, int>(states.Count);
        await using (var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false))
        await using (var batch = connection.CreateBatch())
        {
            if (states.Count > 0)
            {
                batch.BatchCommands.Add(StateStatement(states));
            }

            foreach (var append in appends)
            {
                batch.BatchCommands.Add(append.Statement());
            }

            await using var reader = await batch.ExecuteReaderAsync().ConfigureAwait(false);
            if (states.Count > 0)
            {
                while (await reader.ReadAsync().ConfigureAwait(false))
                {
                    versions[reader.GetInt32(0)] = reader.GetInt32(1);
                }
            }

            // Consuming the rest of the answer up to ReadyForQuery, which PostgreSQL sends only after
            // the implicit transaction committed; a refused statement or a failed commit raises here,
            // before anyone is acknowledged.
            while (await reader.NextResultAsync().ConfigureAwait(false))
            {
            }

            await reader.DisposeAsync().ConfigureAwait(false);
        }

        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _stateWrites, states.Count);
        Interlocked.Add(ref _appends, appends.Count);
        for (var i = 0; i < states.Count; i++)
        {
            states[i].Done.TrySetResult(versions.TryGetValue(i, out var version) ? version : null);
        }

        foreach (var append in appends)
        {
            append.Done.TrySetResult();
        }
    }

    private NpgsqlBatchCommand StateStatement(List<StateWrite> batch)
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

        var command = new NpgsqlBatchCommand(_stateSql ?? throw new InvalidOperationException("The group commit was not started."));
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
        return command;
    }

    private abstract record Pending(Activity? Activity)
    {
        public abstract void Fail(Exception failure);
    }

    private sealed record StateWrite(GrainStateIdentity Identity, int? ExpectedVersion, byte[] Payload, Activity? Activity) : Pending(Activity)
    {
        public TaskCompletionSource<int?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Fail(Exception failure) => Done.TrySetException(failure);
    }

    private sealed record Append(Func<NpgsqlBatchCommand> Statement, Activity? Activity) : Pending(Activity)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Fail(Exception failure) => Done.TrySetException(failure);
    }
}
