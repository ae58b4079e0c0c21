using GenomDE.Orleans.GrainInterfaces.Reporting;
using GenomDE.Orleans.Grains.Common;

namespace GenomDE.Orleans.Grains.Reporting;

[GenerateSerializer, Alias("genomde.statistics-shard-state")]
public sealed class StatisticsShardState
{
    [Id(0)]
    public CounterInbox Inbox { get; set; } = new();
}

/// <summary>One of 16 platform counter shards. Its sources are the periods of its shard: one per
/// partition (13 nodes and "cases" today) and quarter, 56 a year; its counters are bounded by
/// nodes × categories × types × outcomes, not by cases.</summary>
[GrainType("statistics-shard")]
public sealed class StatisticsShardGrain(
    [PersistentState("statistics-shard", StorageNames.Platform)] IPersistentState<StatisticsShardState> state)
    : Grain, IStatisticsShardGrain
{
    public async Task<int> Apply(CounterDelta delta)
    {
        await state.UpdateAsync(shard => shard.Inbox.Apply(delta));
        return state.State.Inbox.VersionOf(delta.Source);
    }

    public Task<Dictionary<string, long>> Totals() => Task.FromResult(new Dictionary<string, long>(state.State.Inbox.Totals, StringComparer.Ordinal));
}
