using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.GrainInterfaces.Reporting;
using GenomDE.Orleans.Grains.Reporting;

namespace GenomDE.Orleans.Grains.Cases;

/// <summary>The case's one hook into reporting: after every successful write (and again on a
/// replay, when the first attempt may have died before it got here) the rows that changed go to
/// their reporting buckets: one per changed submission (bucket of its node, submission date and TAN
/// shard) and the case row when the status changed. The buckets keep the newest revision only, so
/// repeats change nothing.</summary>
public sealed partial class CaseGrain
{
    private Task FeedReporting(CaseView? previous)
    {
        if (state.State.Case is not { } current)
        {
            return Task.CompletedTask;
        }

        var feeds = ChangedSubmissions(previous)
            .Select(s => Bucket(s.NodeId, s.SubmissionDate, ReportKeys.ShardOf(s.Tan)).Upsert(ReportRows.SubmissionFact(current, s)))
            .ToList();
        if (previous is null || previous.Status != current.Status)
        {
            feeds.Add(GrainFactory.GetGrain<IReportBucketGrain>(ReportKeys.CaseBucket(ReportRows.RegisteredOn(current), this.GetPrimaryKeyString()))
                .Upsert(ReportRows.CaseFact(current)));
        }

        return Task.WhenAll(feeds);
    }

    private IReportBucketGrain Bucket(string partition, DateOnly day, char shard) =>
        GrainFactory.GetGrain<IReportBucketGrain>(ReportKeys.Bucket(partition, day, shard));
}
