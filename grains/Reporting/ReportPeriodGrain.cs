using GenomDE.Orleans.GrainInterfaces.Reporting;
using GenomDE.Orleans.Grains.Common;

namespace GenomDE.Orleans.Grains.Reporting;

[GenerateSerializer, Alias("genomde.report-period-state")]
public sealed class ReportPeriodState
{
    [Id(0)]
    public SortedSet<string> Buckets { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>One node's quarter: at most 92 days × 16 shards of bucket keys. The projector adds a
/// bucket before it writes the bucket's first row, so the report never misses one.</summary>
[GrainType("report-period")]
public sealed class ReportPeriodGrain(
    [PersistentState("report-period", StorageNames.Platform)] IPersistentState<ReportPeriodState> state)
    : Grain, IReportPeriodGrain
{
    public Task Add(IReadOnlyList<string> buckets) =>
        buckets.All(state.State.Buckets.Contains)
            ? Task.CompletedTask
            : state.UpdateAsync(period => buckets.Aggregate(false, (added, key) => period.Buckets.Add(key) | added));

    public Task<IReadOnlyList<string>> Buckets() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Buckets]);
}
