namespace GenomDE.Orleans.GrainInterfaces.Events;

/// <summary>One domain event as it leaves the grain that caused it: the CloudEvents 1.0 attributes
/// (<c>id</c>, <c>type</c>, <c>source</c>, <c>subject</c>, <c>time</c>, <c>data</c>) plus who it
/// concerns. <see cref="Id"/> is derived from the emitting grain's key and its event sequence, so
/// publishing the same event again yields the same ID and consumers deduplicate by it.
/// <see cref="Reporting"/> is internal: what the write means for the reporting projection; the
/// CloudEvents encoding (feed, webhooks) leaves it out.</summary>
[GenerateSerializer, Immutable, Alias("genomde.platform-event")]
public sealed record PlatformEvent(
    [property: Id(0)] string Id,
    [property: Id(1)] string Type,
    [property: Id(2)] string Source,
    [property: Id(3)] string Subject,
    [property: Id(4)] DateTimeOffset Time,
    [property: Id(5)] IReadOnlyDictionary<string, string?> Data,
    [property: Id(6)] IReadOnlyList<string> Audience,
    [property: Id(7)] string OrderingKey,
    [property: Id(8)] Reporting.ReportingChange? Reporting = null);
