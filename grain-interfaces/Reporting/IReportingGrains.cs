using GenomDE.Orleans.Domain.Reporting;
using GenomDE.Orleans.GrainInterfaces.Events;
using Orleans.Concurrency;

namespace GenomDE.Orleans.GrainInterfaces.Reporting;

/// <summary>The submission rows of one node, day and shard; key <see cref="ReportKeys.Bucket"/>.
/// Written by the reporting projector only, one write per batch; small by construction.</summary>
[Alias("genomde.IReportBucketGrain")]
public interface IReportBucketGrain : IGrainWithStringKey
{
    /// <summary>Keeps each row unless the bucket holds a newer revision of it; idempotent.</summary>
    [Alias("Apply")]
    Task Apply(IReadOnlyList<ReportFact> facts);

    /// <summary>The live rows (no tombstones).</summary>
    [Alias("Facts"), ReadOnly]
    Task<IReadOnlyList<ReportFact>> Facts();
}

/// <summary>The index of one node's quarter (key <see cref="ReportKeys.Period"/>): the buckets that
/// may hold its rows, so the quarterly report reads those and no others.</summary>
[Alias("genomde.IReportPeriodGrain")]
public interface IReportPeriodGrain : IGrainWithStringKey
{
    /// <summary>Adds bucket keys (writes only when one is new).</summary>
    [Alias("Add")]
    Task Add(IReadOnlyList<string> buckets);

    [Alias("Buckets"), ReadOnly]
    Task<IReadOnlyList<string>> Buckets();
}

/// <summary>The one consumer of the event log that builds reporting: it reads the log in order from
/// its checkpoint, applies each batch's rows to their buckets and the counters to its own state,
/// and stores the counters with the new checkpoint in one write, so every event counts exactly once.
/// Key <see cref="Key"/>.</summary>
[Alias("genomde.IReportingProjectorGrain")]
public interface IReportingProjectorGrain : IGrainWithStringKey
{
    public const string Key = EventStreams.Key;

    /// <summary>Applies everything the log holds now; reports read after this see every event
    /// that was in the log when it was called.</summary>
    [Alias("CatchUp")]
    Task CatchUp();

    /// <summary>The platform counters as of the checkpoint.</summary>
    [Alias("Totals"), ReadOnly]
    Task<ProjectionTotals> Totals();
}

/// <summary>The counters and how far the projection has read.</summary>
[GenerateSerializer, Immutable, Alias("genomde.projection-totals")]
public sealed record ProjectionTotals(
    [property: Id(0)] IReadOnlyDictionary<string, long> Counters,
    [property: Id(1)] long EventsRead,
    [property: Id(2)] DateTimeOffset? LastEventTime);
