using GenomDE.Orleans.GrainInterfaces.Reporting;
using GenomDE.Orleans.Grains.Common;

namespace GenomDE.Orleans.Grains.Reporting;

[GenerateSerializer, Alias("genomde.report-bucket-state")]
public sealed class ReportBucketState
{
    /// <summary>The newest row per key (lower-case TAN or case key).</summary>
    [Id(0)]
    public Dictionary<string, ReportFact> Facts { get; set; } = [];

    /// <summary>The counters of these rows on their way to the period.</summary>
    [Id(1)]
    public CounterOutbox Outbox { get; set; } = new();
}

/// <summary>Rows of one partition, day and shard. At 100 times today's national volume (about
/// 15,000 submissions a working day over 13 nodes) a bucket holds about 70 rows; one write is
/// that bucket, never more.</summary>
[GrainType("report-bucket")]
public sealed class ReportBucketGrain(
    [PersistentState("report-bucket", StorageNames.Platform)] IPersistentState<ReportBucketState> state)
    : Grain, IReportBucketGrain
{
    public async Task Upsert(ReportFact fact)
    {
        await state.UpdateAsync(bucket =>
        {
            var known = bucket.Facts.GetValueOrDefault(fact.Key);
            if (known is not null && known.Revision >= fact.Revision)
            {
                return false; // a replay or a late duplicate
            }

            // The sum over the rows, kept by replacing one row's contribution: O(1) per write,
            // however many rows the bucket holds.
            var sum = new Dictionary<string, long>(bucket.Outbox.Current, StringComparer.Ordinal);
            if (known is not null)
            {
                Counters.AddTo(sum, Contributions.Of(known), -1);
            }

            Counters.AddTo(sum, Contributions.Of(fact), 1);
            bucket.Facts[fact.Key] = fact;
            bucket.Outbox.Record(sum);
            return true;
        });

        // Also after a no-op: a replayed feed is how a push that failed earlier gets retried.
        await Push();
    }

    public Task<IReadOnlyList<ReportFact>> Facts() => Task.FromResult<IReadOnlyList<ReportFact>>([.. state.State.Facts.Values]);

    private async Task Push()
    {
        var key = this.GetPrimaryKeyString();
        var period = GrainFactory.GetGrain<IReportPeriodGrain>(ReportKeys.PeriodOfBucket(key));
        for (var attempt = 1; attempt <= ConsistentWrites.Attempts && state.State.Outbox.HasPending; attempt++)
        {
            state.State.Outbox.Confirmed(await period.Apply(state.State.Outbox.Pending(key)));
        }
    }
}
