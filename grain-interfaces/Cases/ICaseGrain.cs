using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Submissions;
using Orleans.Concurrency;

namespace GenomDE.Orleans.GrainInterfaces.Cases;

/// <summary>One LE case through transfer, QC and check reports. Key: <see cref="CaseKeys.Of"/>.</summary>
[Alias("genomde.ICaseGrain")]
public interface ICaseGrain : IGrainWithStringKey
{
    [Alias("Register")]
    Task<Result<CaseView>> Register(CommandContext context);

    /// <summary>LE → GDC: the metadata.json exactly as grz-cli produces it.</summary>
    [Alias("SubmitGenomic")]
    Task<Result<SubmissionAnswer>> SubmitGenomic(CommandContext context, string metadataJson);

    /// <summary>LE → CDN: the clinical data set's metaData.</summary>
    [Alias("SubmitClinical")]
    Task<Result<SubmissionAnswer>> SubmitClinical(CommandContext context, string metaDataJson);

    /// <summary>Node: the data of <paramref name="tan"/> arrived.</summary>
    [Alias("AcknowledgeReceipt")]
    Task<Result<SubmissionView>> AcknowledgeReceipt(CommandContext context, string tan);

    /// <summary>Node: basic QC verdict; for GDCs it also decides detailed-QC sampling.</summary>
    [Alias("ReportBasicQc")]
    Task<Result<SubmissionView>> ReportBasicQc(CommandContext context, string tan, BasicQcOutcome outcome);

    /// <summary>GDC: the recomputed metrics of one lab datum of a submission picked for detailed QC.</summary>
    [Alias("ReportDetailedQc")]
    Task<Result<SubmissionView>> ReportDetailedQc(CommandContext context, string tan, DetailedQcReport report);

    /// <summary>Node: the Prüfbericht for one of this case's submissions.</summary>
    [Alias("AcceptCheckReport")]
    Task<Result<SubmissionView>> AcceptCheckReport(CommandContext context, CheckReport report);

    /// <summary>From the case's reimbursement grain: a payer presented the tokens; accepted or not.</summary>
    [Alias("RecordClaim")]
    Task RecordClaim(string payerIk, bool reimbursed);

    /// <summary>From a node inbox's deadline reminder: record the check reports that are overdue now
    /// and tell the inboxes each submission's current entry (deadlines flagged are cleared there).
    /// One-way: the inbox does not wait; its next tick asks again while a deadline stays uncleared.</summary>
    [Alias("FlagOverdueReports"), OneWay]
    Task FlagOverdueReports();

    /// <summary>The case for its LE or the operator.</summary>
    [Alias("Get")]
    Task<Result<CaseView>> Get(Caller caller);
}
