using GenomDE.Orleans.GrainInterfaces.Common;
using GenomDE.Orleans.GrainInterfaces.Reporting;
using Orleans.Concurrency;

namespace GenomDE.Orleans.Grains.Reporting;

/// <summary>The operator's statistics: 16 statistics shards read in parallel and summed.</summary>
[GrainType("statistics"), StatelessWorker]
public sealed class StatisticsGrain : Grain, IStatisticsGrain
{
    public async Task<Result<PlatformStatistics>> Get(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsOperator)
        {
            return DomainError.Forbidden("Platform statistics are for the operator.");
        }

        var shards = await Task.WhenAll(ReportKeys.Shards.Select(shard => GrainFactory.GetGrain<IStatisticsShardGrain>(shard.ToString()).Totals()));
        return Result<PlatformStatistics>.Success(StatisticsShape.From(Counters.Sum(shards)));
    }
}
