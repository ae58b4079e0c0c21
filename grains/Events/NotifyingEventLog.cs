using GenomDE.Orleans.GrainInterfaces.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace GenomDE.Orleans.Grains.Events;

/// <summary>Wraps the durable log: after a successful append, a best-effort "new events" note on the
/// memory stream wakes live readers (webhook delivery) at once. Losing the note costs only latency:
/// readers also poll the log from their own checkpoints, and the log is the truth.</summary>
public sealed class NotifyingEventLog(IEventLog inner, IServiceProvider services, TimeProvider clock, ILogger<NotifyingEventLog> logger) : IEventLog
{
    public IEventLog Inner => inner;

    public async Task AppendAsync(IReadOnlyList<PlatformEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0)
        {
            return;
        }

        await inner.AppendAsync(events, cancellationToken);
        try
        {
            // Resolved lazily: the cluster client is not ready while the silo's services are built.
            var stream = services.GetRequiredService<IClusterClient>()
                .GetStreamProvider(EventStreams.Provider)
                .GetStream<EventsAppended>(StreamId.Create(EventStreams.Namespace, EventStreams.Key));
            await stream.OnNextAsync(new EventsAppended(events.Count, clock.GetUtcNow()));
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            logger.LogDebug(failure, "Live notification of {Count} events not sent; readers poll the log", events.Count);
        }
    }

    public Task<EventPage> ReadAsync(EventPosition? after, int limit, string? audience, string? typePrefix, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(after, limit, audience, typePrefix, cancellationToken);
}
