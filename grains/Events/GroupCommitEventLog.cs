using System.Threading.Channels;
using GenomDE.Orleans.GrainInterfaces.Events;

namespace GenomDE.Orleans.Grains.Events;

/// <summary>Group commit for the event log: appends that arrive while one is being written wait and
/// go together in the next, so under load a silo writes its events in one transaction per round
/// trip instead of one per command. Each caller still returns only after its own events are stored
/// (or fails with the batch, and its outbox retries).</summary>
public sealed class GroupCommitEventLog : IEventLog, IAsyncDisposable
{
    private const int MaxBatch = 1000;

    private readonly IEventLog _inner;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public GroupCommitEventLog(IEventLog inner)
    {
        _inner = inner;
        _writer = Task.Run(WriteLoop);
    }

    public Task AppendAsync(IReadOnlyList<PlatformEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return Task.CompletedTask;
        }

        var pending = new Pending(events, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        return _queue.Writer.TryWrite(pending) ? pending.Done.Task : _inner.AppendAsync(events, cancellationToken);
    }

    public Task<EventPage> ReadAsync(EventPosition? after, int limit, string? audience, string? typePrefix, CancellationToken cancellationToken = default) =>
        _inner.ReadAsync(after, limit, audience, typePrefix, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteLoop()
    {
        var batch = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            var count = 0;
            while (count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
                count += next.Events.Count;
            }

            try
            {
                await _inner.AppendAsync([.. batch.SelectMany(p => p.Events).DistinctBy(e => e.Id)]);
                batch.ForEach(p => p.Done.TrySetResult());
            }
            catch (Exception failure)
            {
                batch.ForEach(p => p.Done.TrySetException(failure));
            }
        }
    }

    private sealed record Pending(IReadOnlyList<PlatformEvent> Events, TaskCompletionSource Done);
}
