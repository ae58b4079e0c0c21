using GenomDE.Orleans.GrainInterfaces.Common;
using GenomDE.Orleans.GrainInterfaces.Reporting;
using Orleans.Concurrency;

namespace GenomDE.Orleans.Grains.Reporting;

/// <summary>Assembles a quarterly report inside the silo: the 16 periods of (node, quarter) name
/// the buckets that hold rows (at most 92 days × 16 shards), which are then read in parallel.
/// Nothing here scans cases.</summary>
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

        var periods = await Task.WhenAll(ReportKeys.Shards.Select(shard =>
            GrainFactory.GetGrain<IReportPeriodGrain>(ReportKeys.Period(nodeId, quarter, shard)).Buckets()));
        var buckets = await Task.WhenAll(periods.SelectMany(p => p).Select(key => GrainFactory.GetGrain<IReportBucketGrain>(key).Facts()));
        var rows = buckets.SelectMany(b => b).Select(f => f.Submission).OfType<SubmissionRow>().ToList();
        return Result<string>.Success(QuarterlyTables.Render(table, nodeId, quarter, rows));
    }
}
