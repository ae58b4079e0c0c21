using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Reports;
using GenomDE.Orleans.GrainInterfaces.Cases;
using Orleans.Concurrency;

namespace GenomDE.Orleans.Grains.Cases;

[GrainType("check-report-intake"), StatelessWorker]
public sealed class CheckReportIntakeGrain : Grain, ICheckReportIntakeGrain
{
    public async Task<Result<SubmissionView>> Submit(CommandContext context, string json)
    {
        var parsed = CheckReportParser.Parse(json);
        if (!parsed.IsAccepted)
        {
            return DomainError.Unprocessable("check_report_invalid", "Invalid check report",
                $"The Prüfbericht breaks {parsed.Findings.Count} rule(s); see 'errors'.", parsed.Findings, []);
        }

        var report = parsed.Report!;
        if (context.Caller.ParticipantId != report.DataNodeId)
        {
            return DomainError.Forbidden($"A node reports for itself only: dataNodeId is {report.DataNodeId}, the caller is {context.Caller.ParticipantId}.");
        }

        var caseKey = await GrainFactory.GetGrain<ISubmissionLocatorGrain>(ISubmissionLocatorGrain.KeyOf(report.DataNodeId, report.Tan)).Find();
        if (caseKey is null)
        {
            return DomainError.NotFound("unknown_submission", "Unknown submission", $"No submission with TAN {report.Tan} was routed to {report.DataNodeId}.");
        }

        return await GrainFactory.GetGrain<ICaseGrain>(caseKey).AcceptCheckReport(context, report);
    }
}
