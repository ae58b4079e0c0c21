using GenomDE.Orleans.Domain.Common;

namespace GenomDE.Orleans.GrainInterfaces.Events;

/// <summary>Reads the event log for one participant: only the events whose audience names the
/// caller (the operator reads all). A stateless worker, so reads scale with the silos and never
/// queue behind each other.</summary>
[Alias("genomde.IEventFeedGrain")]
public interface IEventFeedGrain : IGrainWithIntegerKey
{
    /// <summary>Up to <paramref name="limit"/> events after <paramref name="after"/> (null = the
    /// oldest retained), optionally of types starting with <paramref name="typePrefix"/>.</summary>
    [Alias("Read")]
    Task<EventPage> Read(Caller caller, EventPosition? after, int limit, string? typePrefix);
}
