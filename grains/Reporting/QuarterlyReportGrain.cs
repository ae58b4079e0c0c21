using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Reporting;
using Orleans.Concurrency;

namespace GenomDE.Orleans.Grains.Reporting;

/// <summary>Assembles a quarterly report inside the silo, after the reporting projector applied
/// everything the event log holds: the period of (node, quarter) names the buckets that hold rows
/// (at most 92 days × 16 shards), which are then read in parallel. Nothing here scans cases.</summary>
[GrainType("quarterly-report"), StatelessWorker]
public sealed class QuarterlyReportGrain : Grain, IQuarterlyReportGrain
{
    public async Task<Result<string>> Table(Caller caller, string nodeId, ReportQuarter quarter, QuarterlyTable table)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(quarter);
        if (!caller.IsOperator && !(caller.Role is ParticipantRole.Cdn or ParticipantRole.Gdc && caller.ParticipantId == nodeId))
        {
            return DomainError.Forbidden("A node reads its own quarterly report only; the operator reads any node's.");
        }

        if (!Identifiers.IsNodeId(nodeId))
        {
            return DomainError.Invalid("invalid_node_id", "Invalid node ID", $"'{nodeId}' is not a node ID (KDK… or GRZ…).");
        }

        await ProjectionReads.CatchUp(GrainFactory);
        var keys = await GrainFactory.GetGrain<IReportPeriodGrain>(ReportKeys.Period(nodeId, quarter)).Buckets();
        var buckets = await Task.WhenAll(keys.Select(key => GrainFactory.GetGrain<IReportBucketGrain>(key).Facts()));
        var rows = buckets.SelectMany(b => b).Select(f => f.Submission).OfType<SubmissionRow>().ToList();
        return Result<string>.Success(QuarterlyTables.Render(table, nodeId, quarter, rows));
    }
}
