using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Reporting;
using GenomDE.Orleans.GrainInterfaces.Reporting;
using Orleans.Concurrency;

namespace GenomDE.Orleans.Grains.Reporting;

/// <summary>The operator's statistics: the reporting projector's counters, after it applied
/// everything the event log holds at the time of the request.</summary>
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

        await ProjectionReads.CatchUp(GrainFactory);
        var totals = await GrainFactory.GetGrain<IReportingProjectorGrain>(IReportingProjectorGrain.Key).Totals();
        return Result<PlatformStatistics>.Success(StatisticsShape.From(totals.Counters));
    }
}
