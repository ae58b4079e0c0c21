using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Nodes;
using GenomDE.Orleans.Domain.Qc;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.Grains.Common;

namespace GenomDE.Orleans.Grains.Cases;

/// <summary>The node side: receipt, basic and detailed QC, and the deadline for the check report.</summary>
public sealed partial class CaseGrain
{
    public Task<Result<SubmissionView>> AcknowledgeReceipt(CommandContext context, string tan) =>
        NodeCommand(context, $"receipt|{tan}", tan, (submission, _) =>
            submission.Status == SubmissionStatus.Submitted
                ? Result<SubmissionView>.Success(submission with { Status = SubmissionStatus.Received, ReceivedAt = clock.GetUtcNow() })
                : IllegalStep(submission, "receipt"));

    public Task<Result<SubmissionView>> ReportBasicQc(CommandContext context, string tan, BasicQcOutcome outcome) =>
        DecideBasicQc(context, tan, outcome); // from now on the node owes its report: the inbox entry carries the deadline

    public async Task FlagOverdueReports()
    {
        if (state.State.Case is null)
        {
            return;
        }

        for (var attempt = 1; attempt <= ConsistentWrites.Attempts && state.State.Case is { } stored; attempt++)
        {
            var late = OverdueReports.Newly(stored, clock.GetUtcNow(), options.Value.ReportDueAfter);
            if (late.Count == 0)
            {
                break;
            }

            var next = stored with { History = [.. stored.History, .. late.Select(l => new CaseEvent(clock.GetUtcNow(), OverdueReports.EventPrefix + l.NodeId, l.Tan, "platform"))] };
            if (await TryStore(stored, next, state.State.Withdrawn))
            {
                await relay.FlushAsync(() => NotifyInboxes(stored)); // the flagged deadlines leave the inbox entries
                return;
            }
        }

        // Nothing (more) to flag, yet an inbox asked: its entries are behind the case (a lost
        // notification, or an inbox that never heard of the deadline); send every current entry.
        await NotifyInboxes(null);
    }

    /// <summary>Only the reminder of a deployment before the inbox shards watched the deadlines
    /// ("report-due", one per case) still arrives here: flag what is due, hand the rest of the
    /// watch to the inboxes, and unregister it.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReportDueReminder)
        {
            return;
        }

        await FlagOverdueReports();
        await NotifyInboxes(null);
        if (await this.GetReminder(ReportDueReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private Task<Result<SubmissionView>> DecideBasicQc(CommandContext context, string tan, BasicQcOutcome outcome) =>
        NodeCommand(context, $"basic-qc|{tan}|{outcome}", tan, async (submission, _) =>
        {
            if (submission.Status is not (SubmissionStatus.Submitted or SubmissionStatus.Received))
            {
                return IllegalStep(submission, "basic QC");
            }

            if (!outcome.Passed && outcome.FailureReason is null)
            {
                return DomainError.Invalid("failure_reason_required", "Failure reason required", "A failed basic QC names its failure reason (grz-db's list).");
            }

            // Detailed QC samples genomic initials that passed basic QC; the decision is stored per LE and quarter.
            bool? selected = null;
            if (submission.DataCategory == DataCategory.Genomic && DetailedQcSampler.IsEligible(submission.SubmissionType, outcome.Passed))
            {
                var sampling = GrainFactory.GetGrain<IDetailedQcSamplingGrain>(SamplingState.KeyOf(Key.SubmitterId, submission.SubmissionDate));
                selected = (await sampling.Decide(submission.Tan, submission.SubmissionDate)).Picked;
            }

            return Result<SubmissionView>.Success(submission with
            {
                Status = outcome.Passed ? SubmissionStatus.QcPassed : SubmissionStatus.QcFailed,
                BasicQc = outcome.Passed ? outcome with { FailureReason = null } : outcome,
                DetailedQcSelected = selected,
            });
        });

    public Task<Result<SubmissionView>> ReportDetailedQc(CommandContext context, string tan, DetailedQcReport report) =>
        NodeCommand(context, $"detailed-qc|{tan}|{report.DonorPseudonym}|{report.LabDataName}|{report.QcWorkflowVersion}|{report.Recomputed}", tan, async (submission, _) =>
        {
            var document = submission.DetailedQcSelected == true && state.State.PendingDocuments.Contains(submission.Tan)
                ? await Document(submission.Tan).Get()
                : null;
            if (document is null)
            {
                return DomainError.Conflict("not_selected_for_detailed_qc", "Not selected for detailed QC", $"TAN {tan} was not picked for detailed QC (or its result is in already).");
            }

            var findings = new MetadataFindings();
            var metadata = GdcMetadataParser.Parse(document, findings)!;
            var labDatum = metadata.Donors.Where(d => d.DonorPseudonym == report.DonorPseudonym)
                .SelectMany(d => d.LabData).FirstOrDefault(l => l.LabDataName == report.LabDataName);
            if (labDatum is null)
            {
                return DomainError.NotFound("unknown_lab_datum", "Unknown lab datum", $"TAN {tan} has no lab datum '{report.LabDataName}' of donor '{report.DonorPseudonym}'.");
            }

            if (TextRules.Required(report.QcWorkflowVersion, "qcWorkflowVersion") is { } missing)
            {
                return missing;
            }

            var result = DetailedQcEvaluator.Evaluate(metadata.Submission.GenomicStudySubtype, report.DonorPseudonym, labDatum, report.Recomputed, report.QcWorkflowVersion);
            return result is null
                ? DomainError.Conflict("detailed_qc_not_judgeable", "Lab datum cannot be judged", $"Lab datum '{report.LabDataName}' has no official thresholds or no complete reported metrics.")
                : Result<SubmissionView>.Success(submission with { DetailedQc = result });
        });

    private Task<Result<SubmissionView>> NodeCommand(CommandContext context, string fingerprint, string tan, Func<SubmissionView, CaseView, Result<SubmissionView>> step) =>
        NodeCommand(context, fingerprint, tan, (submission, current) => Task.FromResult(step(submission, current)));

    private Task<Result<SubmissionView>> NodeCommand(CommandContext context, string fingerprint, string tan, Func<SubmissionView, CaseView, Task<Result<SubmissionView>>> step) =>
        Execute(context, fingerprint, s => s.NodeReplies, _submissionCodec, async current =>
        {
            if (current?.Submissions.FirstOrDefault(s => s.Tan == tan) is not { } submission)
            {
                return UnknownSubmission(tan);
            }

            if (await NodeMayAct(context.Caller, submission) is { } refused)
            {
                return refused;
            }

            var changed = await step(submission, current);
            if (!changed.IsSuccess)
            {
                return changed.Error!;
            }

            var next = Replace(current, changed.Value!, Event(Describe(submission, changed.Value!), tan, context));
            return Result<CaseDecision<SubmissionView>>.Success(new(next, changed.Value!, state.State.Withdrawn));
        });

    /// <summary>Removes the TANs whose detailed QC can no longer come and returns them; their
    /// documents are dropped once the case state that forgets them is written.</summary>
    private List<string> ForgetDocumentsWithoutDetailedQc(CaseView current)
    {
        var done = current.Submissions
            .Where(s => state.State.PendingDocuments.Contains(s.Tan))
            .Where(s => s.Status is not (SubmissionStatus.Submitted or SubmissionStatus.Received) && (s.DetailedQcSelected != true || s.DetailedQc is not null))
            .Select(s => s.Tan)
            .ToList();
        state.State.PendingDocuments.ExceptWith(done);
        return done;
    }

    private ISubmissionDocumentGrain Document(string tan) =>
        GrainFactory.GetGrain<ISubmissionDocumentGrain>(ISubmissionDocumentGrain.KeyOf(this.GetPrimaryKeyString(), tan));

    private async Task<DomainError?> NodeMayAct(Caller caller, SubmissionView submission)
    {
        if (caller.Role is not (ParticipantRole.Cdn or ParticipantRole.Gdc) || caller.ParticipantId != submission.NodeId)
        {
            return DomainError.Forbidden($"Only node {submission.NodeId}, which received TAN {submission.Tan}, acts on it.");
        }

        return await Approvals.IsApproved(caller.ParticipantId)
            ? null
            : DomainError.Conflict("node_not_approved", "Node not approved", $"Node {caller.ParticipantId} is not approved (suspended or revoked) and may not report.");
    }

    private static string Describe(SubmissionView before, SubmissionView after) =>
        after.Status switch
        {
            SubmissionStatus.Received => "data received by " + after.NodeId,
            SubmissionStatus.QcPassed when before.Status != SubmissionStatus.QcPassed => after.DetailedQcSelected == true ? "basic QC passed; picked for detailed QC" : "basic QC passed",
            SubmissionStatus.QcFailed => $"basic QC failed: {after.BasicQc?.FailureReason}",
            _ when after.DetailedQc is { } detailed && before.DetailedQc is null => $"detailed QC {(detailed.Passed ? "passed" : "failed")} ({detailed.QcWorkflowVersion})",
            _ => $"{before.Status} → {after.Status}",
        };

    private static DomainError IllegalStep(SubmissionView submission, string step) =>
        DomainError.Conflict("illegal_submission_step", "Illegal submission step", $"TAN {submission.Tan} is {submission.Status}; {step} is not possible now.");

    private static DomainError UnknownSubmission(string tan) =>
        DomainError.NotFound("unknown_submission", "Unknown submission", $"No submission with TAN {tan} belongs to this case.");
}
