namespace GenomDE.Orleans.GrainInterfaces.Reporting;

/// <summary>The change of a source's counters from its version <see cref="From"/> to
/// <see cref="To"/>. A receiver applies it only when it stands at <see cref="From"/> for that
/// source, so a replay (it already stands at <see cref="To"/>) changes nothing, and answers with the
/// version it stands at, which tells the source where to resume.</summary>
[GenerateSerializer, Immutable, Alias("genomde.counter-delta")]
public sealed record CounterDelta(
    [property: Id(0)] string Source,
    [property: Id(1)] int From,
    [property: Id(2)] int To,
    [property: Id(3)] Dictionary<string, long> Changes);
