namespace GenomDE.Orleans.GrainInterfaces.Events;

/// <summary>The durable, ordered log of every published event (PostgreSQL table in durable mode,
/// memory in the embedded default). Appends are idempotent by event ID; readers page with a
/// position that only moves forward and never skips an event that commits later.</summary>
public interface IEventLog
{
    /// <summary>Appends the events not yet in the log (same ID = same event, ignored).</summary>
    Task AppendAsync(IReadOnlyList<PlatformEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> events after <paramref name="after"/> (null = from the
    /// start of retention), oldest first, for <paramref name="audience"/> (null = all) whose type
    /// starts with <paramref name="typePrefix"/> (null = any).</summary>
    Task<EventPage> ReadAsync(EventPosition? after, int limit, string? audience, string? typePrefix, CancellationToken cancellationToken = default);
}

/// <summary>A reader's place in the log. Opaque to participants (the API encodes it as a cursor).</summary>
[GenerateSerializer, Immutable, Alias("genomde.event-position")]
public sealed record EventPosition(
    [property: Id(0)] long Major,
    [property: Id(1)] long Minor);

/// <summary>A page of the log and the position to continue from (unchanged when the page is empty).
/// <see cref="Positions"/> (an addition, same order as <see cref="Events"/>) is each event's own
/// position, so a reader can checkpoint after any single event (webhook delivery, SSE ids).</summary>
[GenerateSerializer, Immutable, Alias("genomde.event-page")]
public sealed record EventPage(
    [property: Id(0)] IReadOnlyList<PlatformEvent> Events,
    [property: Id(1)] EventPosition? Next,
    [property: Id(2)] IReadOnlyList<EventPosition>? Positions = null)
{
    /// <summary>The position just after event <paramref name="index"/> of this page.</summary>
    public EventPosition? PositionOf(int index) =>
        Positions is { } positions && index < positions.Count ? positions[index] : index == Events.Count - 1 ? Next : null;
}
