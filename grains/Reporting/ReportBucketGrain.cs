using GenomDE.Orleans.GrainInterfaces.Reporting;
using GenomDE.Orleans.Grains.Common;

namespace GenomDE.Orleans.Grains.Reporting;

[GenerateSerializer, Alias("genomde.report-bucket-state")]
public sealed class ReportBucketState
{
    /// <summary>The newest row per key (lower-case TAN), tombstones included.</summary>
    [Id(0)]
    public Dictionary<string, ReportFact> Facts { get; set; } = [];
}

/// <summary>Rows of one node, day and shard. At 100 times today's national volume (about 15,000
/// submissions a working day over 13 nodes) a bucket holds about 70 rows; one write is that
/// bucket, never more, and the projector writes it once per batch whatever the batch holds.</summary>
[GrainType("report-bucket")]
public sealed class ReportBucketGrain(
    [PersistentState("report-bucket", StorageNames.Platform)] IPersistentState<ReportBucketState> state)
    : Grain, IReportBucketGrain
{
    public Task Apply(IReadOnlyList<ReportFact> facts) =>
        state.UpdateAsync(bucket =>
        {
            var changed = false;
            foreach (var fact in facts)
            {
                // An equal revision is the same write read again; only an older one is stale.
                if (bucket.Facts.GetValueOrDefault(fact.Key) is { } known && (known.Revision > fact.Revision || known == fact))
                {
                    continue;
                }

                bucket.Facts[fact.Key] = fact;
                changed = true;
            }

            return changed;
        });

    public Task<IReadOnlyList<ReportFact>> Facts() =>
        Task.FromResult<IReadOnlyList<ReportFact>>([.. state.State.Facts.Values.Where(f => f.Submission is not null)]);
}
