namespace GenomDE.Orleans.GrainInterfaces.Reporting;

/// <summary>Platform figures for the operator. Test submissions are counted in
/// <see cref="TestSubmissions"/> and <see cref="NodeStatistics.ByType"/> only, never in the other
/// submission figures (domain.md §3: tests are excluded from statistics).
/// <see cref="ClaimsReimbursed"/> counts cases a payer redeemed (status reimbursed);
/// <see cref="ClaimsNotReimbursed"/> cases whose confirmations were presented without an accepted claim.
/// <see cref="TokensByDay"/>: Meldebestätigungen by service date (yyyy-MM-dd, German time);
/// <see cref="ConfirmationHoursP50"/>/<see cref="ConfirmationHoursP90"/>: whole hours from a submission
/// to its Meldebestätigung (null before the first); <see cref="OverdueReports"/>: submissions whose
/// check report is overdue and still missing.</summary>
[GenerateSerializer, Immutable, Alias("genomde.platform-statistics")]
public sealed record PlatformStatistics(
    [property: Id(0)] long Cases,
    [property: Id(1)] Dictionary<string, long> CasesByStatus,
    [property: Id(2)] long Submissions,
    [property: Id(3)] long TestSubmissions,
    [property: Id(4)] long TokensIssued,
    [property: Id(5)] long ClaimsReimbursed,
    [property: Id(6)] long ClaimsNotReimbursed,
    [property: Id(7)] IReadOnlyList<NodeStatistics> Nodes,
    [property: Id(8)] Dictionary<string, long>? TokensByDay = null,
    [property: Id(9)] long? ConfirmationHoursP50 = null,
    [property: Id(10)] long? ConfirmationHoursP90 = null,
    [property: Id(11)] long OverdueReports = 0);

/// <summary>One receiving node's submissions: by data category, type and outcome, the
/// confirmations issued for them and the detailed-QC verdicts. <see cref="SubmissionsByWeek"/> is keyed
/// by ISO week (yyyy-Www, German time); <see cref="QcFailureRate"/> is failed / judged (basic QC or
/// check report), null while none was judged.</summary>
[GenerateSerializer, Immutable, Alias("genomde.node-statistics")]
public sealed record NodeStatistics(
    [property: Id(0)] string NodeId,
    [property: Id(1)] long Submissions,
    [property: Id(2)] long TestSubmissions,
    [property: Id(3)] Dictionary<string, long> ByCategory,
    [property: Id(4)] Dictionary<string, long> ByType,
    [property: Id(5)] Dictionary<string, long> ByOutcome,
    [property: Id(6)] long TokensIssued,
    [property: Id(7)] long DetailedQcPassed,
    [property: Id(8)] long DetailedQcFailed,
    [property: Id(9)] Dictionary<string, long>? SubmissionsByWeek = null,
    [property: Id(10)] double? QcFailureRate = null,
    [property: Id(11)] long OverdueReports = 0);
