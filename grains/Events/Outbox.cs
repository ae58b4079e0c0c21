using GenomDE.Orleans.GrainInterfaces.Events;

namespace GenomDE.Orleans.Grains.Events;

/// <summary>The events a grain emitted, stored in the same ETag-guarded write as the change that
/// caused them. Events leave for the log after the write; the ones the activation knows were
/// published are pruned with the grain's next write (never with an extra write of their own), so a
/// grain that dies in between republishes them on its next activation and the log ignores repeats.
/// A non-empty <see cref="Pending"/> therefore also means "the effects of the last write on other
/// grains may not have been applied", which the grain repeats on activation (they are idempotent).</summary>
[GenerateSerializer, Alias("genomde.outbox")]
public sealed class Outbox
{
    /// <summary>Events this grain has emitted in its life: the last one's sequence number.</summary>
    [Id(0)]
    public long Emitted { get; set; }

    [Id(1)]
    public List<OutboxEntry> Pending { get; set; } = [];

    /// <summary>Adds an event (the grain writes its state next). Its ID is the source plus the
    /// grain's event sequence: the same however often it is published.</summary>
    public void Emit(string source, string orderingKey, DateTimeOffset time, EventDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Emitted++;
        var e = new PlatformEvent($"{source}#{Emitted}", EventTypes.Of(draft.Thing, draft.What), source, draft.Subject, time, draft.Data, [.. draft.Audience.Distinct()], orderingKey, draft.Reporting);
        Pending.Add(new OutboxEntry(Emitted, e));
    }
}

/// <summary>One emitted event and its sequence in the emitting grain (its ID is derived from it).</summary>
[GenerateSerializer, Immutable, Alias("genomde.outbox-entry")]
public sealed record OutboxEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] PlatformEvent Event);
