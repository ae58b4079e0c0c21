using GenomDE.Orleans.GrainInterfaces.Reporting;
using GenomDE.Orleans.Grains.Common;

namespace GenomDE.Orleans.Grains.Reporting;

[GenerateSerializer, Alias("genomde.report-period-state")]
public sealed class ReportPeriodState
{
    /// <summary>From the buckets: their versions (which also index the buckets holding rows) and the sum.</summary>
    [Id(0)]
    public CounterInbox Inbox { get; set; } = new();

    /// <summary>The sum on its way to the statistics shard.</summary>
    [Id(1)]
    public CounterOutbox Outbox { get; set; } = new();
}

/// <summary>One partition, quarter and shard: at most 92 buckets (one per day) report here, so the
/// state is at most 92 versions and the counters of one node (a few dozen names).</summary>
[GrainType("report-period")]
public sealed class ReportPeriodGrain(
    [PersistentState("report-period", StorageNames.Platform)] IPersistentState<ReportPeriodState> state)
    : Grain, IReportPeriodGrain
{
    public async Task<int> Apply(CounterDelta delta)
    {
        await state.UpdateAsync(period =>
        {
            if (!period.Inbox.Apply(delta))
            {
                return false;
            }

            period.Outbox.Record(new Dictionary<string, long>(period.Inbox.Totals, StringComparer.Ordinal));
            return true;
        });

        await Push();
        return state.State.Inbox.VersionOf(delta.Source);
    }

    public Task<IReadOnlyList<string>> Buckets() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Inbox.Versions.Keys]);

    private async Task Push()
    {
        var key = this.GetPrimaryKeyString();
        var shard = GrainFactory.GetGrain<IStatisticsShardGrain>(ReportKeys.StatisticsShardOfPeriod(key));
        for (var attempt = 1; attempt <= ConsistentWrites.Attempts && state.State.Outbox.HasPending; attempt++)
        {
            state.State.Outbox.Confirmed(await shard.Apply(state.State.Outbox.Pending(key)));
        }
    }
}
