using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Events;
using Orleans.Concurrency;

namespace GenomDE.Orleans.Grains.Events;

/// <summary>Reads the log on behalf of a participant. The audience is decided here from the caller,
/// never taken from the request, so one participant cannot read another's events.</summary>
[GrainType("event-feed"), StatelessWorker]
public sealed class EventFeedGrain(IEventLog log) : Grain, IEventFeedGrain
{
    public const int MaxLimit = 1000;

    public Task<EventPage> Read(Caller caller, EventPosition? after, int limit, string? typePrefix) =>
        log.ReadAsync(after, Math.Clamp(limit, 1, MaxLimit), Audiences.Of(caller), typePrefix);
}
