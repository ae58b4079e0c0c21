using Orleans.Concurrency;

namespace GenomDE.Orleans.GrainInterfaces.Reporting;

/// <summary>The rows of one partition (node ID or "cases"), day and shard; key
/// <see cref="ReportKeys.Bucket"/>. Fed by the case grains; small by construction.</summary>
[Alias("genomde.IReportBucketGrain")]
public interface IReportBucketGrain : IGrainWithStringKey
{
    /// <summary>Keeps the row when it is newer than the stored one; idempotent.</summary>
    [Alias("Upsert")]
    Task Upsert(ReportFact fact);

    [Alias("Facts"), ReadOnly]
    Task<IReadOnlyList<ReportFact>> Facts();
}

/// <summary>One partition's counters of one quarter and shard (key <see cref="ReportKeys.Period"/>),
/// summed from its buckets; also the index of the buckets that hold rows.</summary>
[Alias("genomde.IReportPeriodGrain")]
public interface IReportPeriodGrain : IGrainWithStringKey
{
    /// <summary>Returns the version of <see cref="CounterDelta.Source"/> it now stands at.</summary>
    [Alias("Apply")]
    Task<int> Apply(CounterDelta delta);

    /// <summary>Keys of the buckets that reported rows to this period.</summary>
    [Alias("Buckets"), ReadOnly]
    Task<IReadOnlyList<string>> Buckets();
}

/// <summary>Platform-wide counters of one shard (key: one hex digit), summed from the periods of
/// that shard. The statistics read all 16.</summary>
[Alias("genomde.IStatisticsShardGrain")]
public interface IStatisticsShardGrain : IGrainWithStringKey
{
    [Alias("Apply")]
    Task<int> Apply(CounterDelta delta);

    [Alias("Totals"), ReadOnly]
    Task<Dictionary<string, long>> Totals();
}
