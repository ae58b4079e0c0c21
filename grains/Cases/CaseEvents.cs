using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.GrainInterfaces.Events;
using GenomDE.Orleans.GrainInterfaces.Reporting;
using GenomDE.Orleans.Grains.Events;

namespace GenomDE.Orleans.Grains.Cases;

/// <summary>The domain events of a case, derived from the case before and after a change, so every
/// command path emits them the same way. Data carries IDs and statuses only, never clinical or
/// genomic content. Submission events concern the LE and the receiving node; case-level events the
/// LE (and the payer, for billing).</summary>
public static class CaseEvents
{
    /// <summary>The history entry of a refused check report that contradicted its submission.</summary>
    public const string MismatchPrefix = "check report refused, contradicts the submission in: ";

    public static IReadOnlyList<EventDraft> Between(string caseKey, CaseView? before, CaseView after, string? payerIk = null)
    {
        ArgumentNullException.ThrowIfNull(after);
        var provider = Audiences.Provider(after.SubmitterId);
        var drafts = new List<EventDraft>();
        if (before is null)
        {
            drafts.Add(new("case", "registered", caseKey, Data(("caseKey", caseKey), ("status", Wire(after.Status))), [provider]));
        }

        foreach (var now in after.Submissions)
        {
            var was = before?.Submissions.FirstOrDefault(s => s.Tan == now.Tan);
            drafts.AddRange(SubmissionEvents(caseKey, after, was, now, provider));
        }

        var mismatchesBefore = before?.History.Count(IsMismatch) ?? 0;
        foreach (var refused in after.History.Where(IsMismatch).Skip(mismatchesBefore))
        {
            var node = after.Submissions.FirstOrDefault(s => s.Tan == refused.Tan)?.NodeId;
            List<string> audience = node is null ? [provider] : [provider, Audiences.Node(node)];
            drafts.Add(new("case", "check_report_mismatched", refused.Tan ?? caseKey,
                Data(("caseKey", caseKey), ("tan", refused.Tan), ("nodeId", node), ("fields", refused.What[MismatchPrefix.Length..])), audience));
        }

        var overdueBefore = before?.History.Count(IsOverdue) ?? 0;
        foreach (var late in after.History.Where(IsOverdue).Skip(overdueBefore))
        {
            var node = late.What[OverdueReports.EventPrefix.Length..];
            drafts.Add(new("case", "report_overdue", late.Tan ?? caseKey, Data(("caseKey", caseKey), ("tan", late.Tan), ("nodeId", node)), [provider, Audiences.Node(node)]));
        }

        if (before?.Status != after.Status && after.Status is CaseStatus.Billed or CaseStatus.Reimbursed)
        {
            var what = after.Status == CaseStatus.Billed ? "billed" : "reimbursed";
            // The LE's event (it names the case); the payer learns the outcome from its claim event.
            drafts.Add(new("case", what, caseKey, Data(("caseKey", caseKey), ("status", Wire(after.Status)), ("payerIk", payerIk)), [provider]));
        }

        return drafts;
    }

    /// <summary>Attaches <paramref name="reporting"/> to the first draft of a write; a write that
    /// changes reporting without any other event gets <c>case.updated</c> to carry it.</summary>
    public static IReadOnlyList<EventDraft> WithReporting(string caseKey, IReadOnlyList<EventDraft> drafts, CaseView after, ReportingChange? reporting)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        ArgumentNullException.ThrowIfNull(after);
        if (reporting is null)
        {
            return drafts;
        }

        List<EventDraft> all = drafts.Count > 0
            ? [.. drafts]
            : [new("case", "updated", caseKey, Data(("caseKey", caseKey), ("status", Wire(after.Status))), [Audiences.Provider(after.SubmitterId)])];
        all[0] = all[0] with { Reporting = reporting };
        return all;
    }

    private static IEnumerable<EventDraft> SubmissionEvents(string caseKey, CaseView after, SubmissionView? was, SubmissionView now, string provider)
    {
        IReadOnlyList<string> audience = [provider, Audiences.Node(now.NodeId)];
        EventDraft Make(string what, params (string, string?)[] extra) =>
            new("case", what, now.Tan, Data([("caseKey", caseKey), ("tan", now.Tan), ("dataCategory", Wire(now.DataCategory)), ("nodeId", now.NodeId), .. extra]), audience);

        if (was is null)
        {
            yield return Make("submission_accepted", ("submissionType", Wire(now.SubmissionType)), ("status", Wire(now.Status)));
            var previous = after.Submissions.TakeWhile(s => s.Tan != now.Tan).LastOrDefault(s => s.DataCategory == now.DataCategory);
            var (mv, research) = CaseLifecycle.Revocations(previous?.Consent, now.Consent);
            if (mv || research)
            {
                yield return Make("consent_revoked", ("revoked", string.Join(',', new[] { mv ? "mv_sequencing" : null, research ? "research" : null }.OfType<string>())));
            }

            yield break;
        }

        if (was.Status == SubmissionStatus.Submitted && now.Status == SubmissionStatus.Received)
        {
            yield return Make("data_received", ("status", Wire(now.Status)));
        }

        if (was.BasicQc is null && now.BasicQc is { } basic)
        {
            yield return Make("basic_qc_reported", ("status", Wire(now.Status)), ("passed", Bool(basic.Passed)), ("failureReason", basic.FailureReason?.ToString()));
            if (now.DetailedQcSelected == true)
            {
                yield return Make("detailed_qc_selected", ("status", Wire(now.Status)));
            }
        }

        if (was.DetailedQc is null && now.DetailedQc is { } detailed)
        {
            yield return Make("detailed_qc_reported", ("passed", Bool(detailed.Passed)), ("qcWorkflowVersion", detailed.QcWorkflowVersion));
        }

        if (was.Report is null && now.Report is { } report)
        {
            yield return Make("check_report_accepted", ("status", Wire(now.Status)), ("qcPassed", Bool(report.DataQualityCheckPassed)),
                ("confirmationCode", now.Confirmation?.Code), ("notIssued", now.Confirmation?.NotIssued?.Code));
        }
        else if (was.Report is not null && was.Confirmation != now.Confirmation)
        {
            yield return Make("confirmation_changed", ("confirmationCode", now.Confirmation?.Code), ("notIssued", now.Confirmation?.NotIssued?.Code));
        }
    }

    private static bool IsMismatch(CaseEvent e) => e.What.StartsWith(MismatchPrefix, StringComparison.Ordinal);

    private static bool IsOverdue(CaseEvent e) => e.What.StartsWith(OverdueReports.EventPrefix, StringComparison.Ordinal);

    private static Dictionary<string, string?> Data(params (string Key, string? Value)[] pairs) =>
        pairs.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value);

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Wire<TEnum>(TEnum value)
        where TEnum : struct, Enum => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
