namespace GenomDE.Orleans.GrainInterfaces.Events;

/// <summary>The live notification stream next to the event log. It only wakes readers (webhook
/// delivery); the log stays the durable truth. Memory streams lose messages in flight when a silo
/// dies, which is harmless here: every reader also polls the log from its own checkpoint.</summary>
public static class EventStreams
{
    /// <summary>Name of the memory stream provider, registered on silos and clients.</summary>
    public const string Provider = "events";

    /// <summary>Stream namespace of "events were appended" notifications.</summary>
    public const string Namespace = "event-log";

    /// <summary>One stream for the whole log: a notification carries no event, only a wake-up.</summary>
    public const string Key = "all";
}

/// <summary>"The log has new events": how many were offered and the newest event's type, for logs
/// and metrics only. Readers always fetch the events themselves from the log.</summary>
[GenerateSerializer, Immutable, Alias("genomde.events-appended")]
public sealed record EventsAppended(
    [property: Id(0)] int Count,
    [property: Id(1)] DateTimeOffset At);
