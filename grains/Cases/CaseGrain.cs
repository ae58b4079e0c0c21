using System.Security.Cryptography;
using System.Text;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.GrainInterfaces.Common;
using GenomDE.Orleans.GrainInterfaces.Nodes;
using GenomDE.Orleans.GrainInterfaces.Participants;
using GenomDE.Orleans.GrainInterfaces.Submissions;
using GenomDE.Orleans.GrainInterfaces.Tokens;
using GenomDE.Orleans.Grains.Clinical;
using GenomDE.Orleans.Grains.Common;
using GenomDE.Orleans.Grains.Domain;
using GenomDE.Orleans.Grains.Qc;
using GenomDE.Orleans.Grains.Reports;
using GenomDE.Orleans.Grains.Submissions;
using GenomDE.Orleans.Grains.Tokens;
using Microsoft.Extensions.Options;

namespace GenomDE.Orleans.Grains.Cases;

[GrainType("case")]
public sealed class CaseGrain(
    [PersistentState("case", StorageNames.Platform)] IPersistentState<CaseState> state,
    TimeProvider clock,
    IOptions<CaseOptions> options) : Grain, ICaseGrain, IRemindable
{
    private const string ReportDueReminder = "report-due";

    private (string SubmitterId, string LocalCaseId) Key => CaseKeys.Split(this.GetPrimaryKeyString());

    private INodeDirectoryGrain Nodes => GrainFactory.GetGrain<INodeDirectoryGrain>(INodeDirectoryGrain.Key);

    public Task<Result<CaseView>> Get(Caller caller)
    {
        if (OwnerOrOperator(caller) is { } forbidden)
        {
            return Task.FromResult<Result<CaseView>>(forbidden);
        }

        return Task.FromResult(state.State.Case is { } found ? Result<CaseView>.Success(found) : UnknownCase());
    }

    public Task<Result<CaseView>> Register(CommandContext context)
    {
        if (OwnerOnly(context.Caller) is { } forbidden)
        {
            return Task.FromResult<Result<CaseView>>(forbidden);
        }

        if (!CaseKeys.IsValidLocalCaseId(Key.LocalCaseId))
        {
            return Task.FromResult<Result<CaseView>>(DomainError.Invalid("invalid_local_case_id", "Invalid local case ID",
                $"A local case ID has 1–{CaseKeys.MaxLocalCaseIdLength} printable characters."));
        }

        return Execute(context, "register", s => s.Replies, current => Task.FromResult<Result<CaseDecision<CaseView>>>(
            current is not null
                ? DomainError.Conflict("case_exists", "Case already registered", $"Case '{Key.LocalCaseId}' of {Key.SubmitterId} is already registered.")
                : Decide(new CaseView(Key.SubmitterId, Key.LocalCaseId, CaseStatus.Registered, [], [Event("registered", null, context)]))));

        static Result<CaseDecision<CaseView>> Decide(CaseView registered) =>
            Result<CaseDecision<CaseView>>.Success(new(registered, registered, false));
    }

    public Task<Result<SubmissionAnswer>> SubmitGenomic(CommandContext context, string metadataJson)
    {
        if (OwnerOnly(context.Caller) is { } forbidden)
        {
            return Task.FromResult<Result<SubmissionAnswer>>(forbidden);
        }

        return Execute(context, "genomic|" + Sha256(metadataJson), s => s.SubmissionReplies, current => DecideGenomic(context, current, metadataJson));
    }

    public Task<Result<SubmissionAnswer>> SubmitClinical(CommandContext context, string metaDataJson)
    {
        if (OwnerOnly(context.Caller) is { } forbidden)
        {
            return Task.FromResult<Result<SubmissionAnswer>>(forbidden);
        }

        return Execute(context, "clinical|" + Sha256(metaDataJson), s => s.SubmissionReplies, current => DecideClinical(context, current, metaDataJson));
    }

    public Task<Result<SubmissionView>> AcknowledgeReceipt(CommandContext context, string tan) =>
        NodeCommand(context, $"receipt|{tan}", tan, (submission, _) =>
            submission.Status == SubmissionStatus.Submitted
                ? Result<SubmissionView>.Success(submission with { Status = SubmissionStatus.Received })
                : IllegalStep(submission, "receipt"));

    public async Task<Result<SubmissionView>> ReportBasicQc(CommandContext context, string tan, BasicQcOutcome outcome)
    {
        var result = await DecideBasicQc(context, tan, outcome);
        if (result.IsSuccess)
        {
            // From now on the node owes its report; a durable reminder watches the deadline across restarts.
            var due = options.Value.ReportDueAfter;
            await this.RegisterOrUpdateReminder(ReportDueReminder, due, due);
        }

        return result;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReportDueReminder || state.State.Case is not { } current)
        {
            return;
        }

        var overdue = OverdueReports.Newly(current, clock.GetUtcNow(), options.Value.ReportDueAfter);
        if (overdue.Count > 0)
        {
            await state.UpdateAsync(s =>
            {
                var late = OverdueReports.Newly(s.Case!, clock.GetUtcNow(), options.Value.ReportDueAfter);
                s.Case = s.Case! with { History = [.. s.Case.History, .. late.Select(l => new CaseEvent(clock.GetUtcNow(), OverdueReports.EventPrefix + l.NodeId, l.Tan, "platform"))] };
                return late.Count > 0;
            });
        }

        if (!OverdueReports.Awaiting(state.State.Case!).Any(s => !state.State.Case!.History.Any(h => h.Tan == s.Tan && h.What.StartsWith(OverdueReports.EventPrefix, StringComparison.Ordinal))))
        {
            if (await this.GetReminder(ReportDueReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder); // nothing left to watch
            }
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
        NodeCommand(context, $"detailed-qc|{tan}|{report.DonorPseudonym}|{report.LabDataName}|{report.QcWorkflowVersion}|{report.Recomputed}", tan, (submission, _) =>
        {
            if (submission.DetailedQcSelected != true || !state.State.PendingGenomicDocuments.TryGetValue(submission.Tan, out var document))
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

    public Task<Result<CaseView>> AcceptCheckReport(CommandContext context, CheckReport report) =>
        Execute(context, $"report|{report}", s => s.Replies, async current =>
        {
            if (current?.Submissions.FirstOrDefault(s => s.Tan == report.Tan) is not { } submission)
            {
                return UnknownSubmission(report.Tan);
            }

            if (await NodeMayAct(context.Caller, submission) is { } refused)
            {
                return refused;
            }

            if (submission.Report is not null)
            {
                return DomainError.Conflict("report_exists", "Check report already accepted", $"The check report for TAN {report.Tan} was accepted before; a node sends one report per submission.");
            }

            var expected = new ExpectedSubmission(submission.Tan, current.SubmitterId, submission.NodeId, submission.DiseaseType,
                submission.DataCategory, submission.SubmissionType, submission.LibraryType, submission.CoverageType);
            var mismatches = CheckReportCrossCheck.Compare(report, expected);
            if (mismatches.Count > 0)
            {
                return DomainError.Unprocessable("report_mismatch", "Check report does not match the submission",
                    $"The check report contradicts what was submitted under TAN {report.Tan} in {mismatches.Count} field(s).", mismatches, []);
            }

            var confirmation = await Confirm(report);
            if (!confirmation.IsSuccess)
            {
                return confirmation.Error!;
            }

            var reported = submission with { Status = SubmissionStatus.Reported, Report = report, Confirmation = confirmation.Value };
            var verdict = report.DataQualityCheckPassed ? "passed" : "failed";
            var next = Replace(current, reported, Event($"{submission.DataCategory.ToString().ToLowerInvariant()} check report accepted (QC {verdict})", report.Tan, context));
            return Result<CaseDecision<CaseView>>.Success(new(next, next, state.State.Withdrawn));
        });

    public async Task RecordClaim(string payerIk, bool reimbursed)
    {
        if (state.State.Case is not { } current || (state.State.Reimbursed || (!reimbursed && state.State.Billed)))
        {
            return; // unknown case, or a repeated notification
        }

        var what = reimbursed ? $"reimbursed by payer {payerIk}" : $"confirmations presented by payer {payerIk}; claim not accepted";
        await state.UpdateAsync(s =>
        {
            s.Billed = true;
            s.Reimbursed |= reimbursed;
            s.Case = s.Case! with
            {
                History = [.. s.Case.History, new CaseEvent(clock.GetUtcNow(), what, null, $"payer:{payerIk}")],
                Status = CaseLifecycle.Derive(s.Case.Submissions, s.Withdrawn, s.Billed, s.Reimbursed),
            };
            return true;
        });
    }

    /// <summary>Issues the Meldebestätigung for an accepted report when the policy says so: a
    /// counter per LE and service date, a fresh collision-free code, the token grain, the LE's list.
    /// Every step is idempotent per TAN, so a retried report never takes a second number.</summary>
    private async Task<Result<ConfirmationOutcome>> Confirm(CheckReport report)
    {
        var decision = IssuancePolicy.BfArMToday.Decide(report);
        if (!decision.Issue)
        {
            return Result<ConfirmationOutcome>.Success(new ConfirmationOutcome(null, decision.Reason));
        }

        var serviceDate = ServiceDates.Of(clock.GetUtcNow());
        var counter = GrainFactory.GetGrain<ITokenCounterGrain>(DailyCounterState.KeyOf(Key.SubmitterId, serviceDate));
        var allocation = await counter.Allocate(report.Tan.ToLowerInvariant());
        if (!allocation.IsSuccess)
        {
            return allocation.Error!;
        }

        var (number, code) = allocation.Value!;
        for (var attempt = 1; attempt <= ConsistentWrites.Attempts; attempt++)
        {
            var token = MeldebestaetigungFormat.FromCheckReport(report, code, serviceDate, number);
            var issued = await GrainFactory.GetGrain<ITokenGrain>(code).Issue(new TokenRecord(token, TokenStatus.Issued, this.GetPrimaryKeyString(), Key.SubmitterId), report.Tan);
            if (issued.IsSuccess)
            {
                await GrainFactory.GetGrain<IProviderTokensGrain>(Key.SubmitterId).Add(code);
                return Result<ConfirmationOutcome>.Success(new ConfirmationOutcome(code, null));
            }

            code = (await counter.ReplaceCode(report.Tan.ToLowerInvariant())).Code; // astronomically rare: the code was taken
        }

        return DomainError.Conflict("code_collision", "No free confirmation code", "Could not find a free confirmation code; retry.");
    }

    private async Task<Result<CaseDecision<SubmissionAnswer>>> DecideGenomic(CommandContext context, CaseView? current, string json)
    {
        if (current is null)
        {
            return UnknownCase();
        }

        var (metadata, report) = MetadataValidator.Official.Check(json);
        var warnings = report.Warnings.Select(w => w.ToSubmissionFinding()).ToList();
        if (!report.IsAccepted || metadata is null)
        {
            return DomainError.Unprocessable("metadata_invalid", "metadata.json breaks the submission rules",
                $"{report.Errors.Count} rule(s) violated; see 'errors' (each with its JSON path).",
                [.. report.Errors.Select(e => e.ToSubmissionFinding())], warnings);
        }

        var submission = metadata.Submission;
        if (Mismatch(submission.SubmitterId, Key.SubmitterId, "$.submission.submitterId", "submitter_mismatch", "the caller's IK") is { } submitter)
        {
            return submitter;
        }

        if (Mismatch(submission.LocalCaseId, Key.LocalCaseId, "$.submission.localCaseId", "local_case_mismatch", "the case it was posted to") is { } localCase)
        {
            return localCase;
        }

        // Basic QC has checked these values, so they parse.
        var type = Validated(WireNames.SubmissionTypes, submission.SubmissionType);
        var disease = Validated(WireNames.DiseaseTypes, submission.DiseaseType);
        var coverage = Validated(WireNames.CoverageTypes, submission.CoverageType);
        var tan = submission.TanG!;
        var nodeId = submission.GenomicDataCenterId!;
        var index = metadata.Donors.Single(d => d.IsIndex);
        var consent = new ConsentSnapshot(index.MvConsent.PermitsSequencing, index.ResearchConsents.Any(r => r.HasScope));

        var refused = await Admit(current, DataCategory.Genomic, type, disease, nodeId, tan);
        if (refused is not null)
        {
            return refused;
        }

        var view = new SubmissionView(tan, DataCategory.Genomic, type, nodeId, submission.SubmissionDate!.Value, disease, coverage,
            LibraryTypes.MostExpensiveOfIndex(metadata) ?? LibraryType.None, consent, SubmissionStatus.Submitted,
            null, null, null, null, Sha256(json), clock.GetUtcNow(), submission.ClinicalDataNodeId);
        if (type == SubmissionType.Initial)
        {
            state.State.PendingGenomicDocuments[tan] = json; // a write conflict reloads the state and drops this
        }

        return Accept(context, current, view, warnings);
    }

    private async Task<Result<CaseDecision<SubmissionAnswer>>> DecideClinical(CommandContext context, CaseView? current, string json)
    {
        if (current is null)
        {
            return UnknownCase();
        }

        // The clinical half belongs at the CDN the case's genomic metadata named, when there is one.
        var genomic = current.Submissions.LastOrDefault(s => s.DataCategory == DataCategory.Genomic);
        var named = ClinicalNodeNamedIn(json);
        var outcome = ClinicalMetadataValidator.Official.Validate(json, genomic?.ClinicalDataNodeId ?? named ?? "", genomic?.LibraryType);
        if (!outcome.IsAccepted)
        {
            return DomainError.Unprocessable("metadata_invalid", "Clinical metaData breaks the submission rules",
                $"{outcome.Report.Errors.Count} rule(s) violated; see 'errors' (each with its JSON path).", outcome.Report.Errors, outcome.Report.Warnings);
        }

        var metadata = outcome.Metadata!;
        var submission = metadata.Submission;
        if (Mismatch(submission.SubmitterId, Key.SubmitterId, metadata.Paths.Submission("submitterId"), "submitter_mismatch", "the caller's IK") is { } submitter)
        {
            return submitter;
        }

        if (metadata.LocalCaseId is { } localCaseId && Mismatch(localCaseId, Key.LocalCaseId, metadata.Paths.Field("localCaseId"), "local_case_mismatch", "the case it was posted to") is { } localCase)
        {
            return localCase;
        }

        var type = Validated(WireNames.SubmissionTypes, submission.Type);
        var disease = Validated(WireNames.DiseaseTypes, submission.DiseaseType);
        var coverage = Validated(WireNames.CoverageTypes, metadata.CoverageType);
        var tan = metadata.TanC!;
        var nodeId = submission.ClinicalDataNodeId!;
        if (await Admit(current, DataCategory.Clinical, type, disease, nodeId, tan) is { } refused)
        {
            return refused;
        }

        var library = LibraryTypes.FromMetadata(metadata.Case?.LibraryType) ?? (metadata.Case?.LibraryType == "none" ? LibraryType.None : genomic?.LibraryType);
        var consent = new ConsentSnapshot(metadata.MvConsent.PermitsSequencing, metadata.ResearchConsents.Any(r => r.HasScope));
        var view = new SubmissionView(tan, DataCategory.Clinical, type, nodeId, submission.Date!.Value, disease, coverage, library, consent,
            SubmissionStatus.Submitted, null, null, null, null, Sha256(json), clock.GetUtcNow());
        return Accept(context, current, view, outcome.Report.Warnings);
    }

    /// <summary>The checks every submission passes before its TAN is spent: order, admission,
    /// an approved receiving node, and a TAN the LE never used.</summary>
    private async Task<DomainError?> Admit(CaseView current, DataCategory category, SubmissionType type, Indication disease, string nodeId, string tan)
    {
        if (current.Submissions.Any(s => s.Tan.Equals(tan, StringComparison.OrdinalIgnoreCase)))
        {
            return DuplicateTan(tan);
        }

        if (SubmissionOrder.Check(current.Submissions, category, type) is { } order)
        {
            return order;
        }

        var provider = await GrainFactory.GetGrain<IProviderGrain>(Key.SubmitterId).Get();
        if (provider is null || !provider.IsAdmittedFor(disease))
        {
            return DomainError.Forbidden($"Provider {Key.SubmitterId} is not admitted for {disease.ToString().ToLowerInvariant()} cases.") with { Code = "not_admitted" };
        }

        if (!await Nodes.IsApproved(nodeId))
        {
            return DomainError.Conflict("node_not_approved", "Receiving node not approved", $"Node {nodeId} is not an approved node; only approved nodes accept data.");
        }

        return await GrainFactory.GetGrain<ITanRegistryGrain>(Key.SubmitterId).Claim(tan.ToLowerInvariant(), this.GetPrimaryKeyString())
            ? null
            : DuplicateTan(tan);
    }

    private Result<CaseDecision<SubmissionAnswer>> Accept(CommandContext context, CaseView current, SubmissionView view, IReadOnlyList<SubmissionFinding> warnings)
    {
        var category = view.DataCategory.ToString().ToLowerInvariant();
        var events = new List<CaseEvent> { Event($"{category} {view.SubmissionType.ToString().ToLowerInvariant()} submission to {view.NodeId}", view.Tan, context) };
        var previous = current.Submissions.LastOrDefault(s => s.DataCategory == view.DataCategory);
        var (mvRevoked, researchRevoked) = CaseLifecycle.Revocations(previous?.Consent, view.Consent);
        if (mvRevoked)
        {
            events.Add(Event("model-project consent (mvSequencing) revoked: case withdrawn", view.Tan, context));
        }

        if (researchRevoked)
        {
            events.Add(Event("research consent revoked", view.Tan, context));
        }

        var withdrawn = state.State.Withdrawn || mvRevoked;
        var submissions = current.Submissions.Append(view).ToList();
        var next = current with
        {
            Submissions = submissions,
            History = [.. current.History, .. events],
            Status = CaseLifecycle.Derive(submissions, withdrawn, state.State.Billed, state.State.Reimbursed),
        };
        return Result<CaseDecision<SubmissionAnswer>>.Success(new(next, new SubmissionAnswer(next, view.Tan, warnings), withdrawn));
    }

    private Task<Result<SubmissionView>> NodeCommand(CommandContext context, string fingerprint, string tan, Func<SubmissionView, CaseView, Result<SubmissionView>> step) =>
        NodeCommand(context, fingerprint, tan, (submission, current) => Task.FromResult(step(submission, current)));

    private Task<Result<SubmissionView>> NodeCommand(CommandContext context, string fingerprint, string tan, Func<SubmissionView, CaseView, Task<Result<SubmissionView>>> step) =>
        Execute(context, fingerprint, s => s.NodeReplies, async current =>
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

    /// <summary>Runs one command: replay check, decide on the stored case, then persist the case
    /// with the reply in one ETag-guarded write, re-deciding on fresh state after a conflict; the
    /// receiving nodes' inboxes hear of every change (again on a replay, they deduplicate).</summary>
    private async Task<Result<T>> Execute<T>(CommandContext context, string fingerprint, Func<CaseState, IdempotentReplies<T>> replies, Func<CaseView?, Task<Result<CaseDecision<T>>>> decide)
    {
        for (var attempt = 1; attempt <= ConsistentWrites.Attempts; attempt++)
        {
            if (replies(state.State).Find(context.RequestId, fingerprint) is { } replay)
            {
                await NotifyInboxes();
                return replay;
            }

            var decision = await decide(state.State.Case);
            if (!decision.IsSuccess)
            {
                return decision.Error!;
            }

            var (next, answer, withdrawn) = decision.Value!;
            state.State.Case = next;
            DropDocumentsWithoutDetailedQc(next);
            state.State.Withdrawn = withdrawn;
            replies(state.State).Remember(context.RequestId, fingerprint, Result<T>.Success(answer));
            if (await state.TryWriteAsync())
            {
                await NotifyInboxes();
                return Result<T>.Success(answer);
            }
        }

        return DomainError.Conflict("concurrent_update", "Concurrent update", "The case kept changing during this request; retry with the same Idempotency-Key.");
    }

    private void DropDocumentsWithoutDetailedQc(CaseView current)
    {
        foreach (var submission in current.Submissions.Where(s => state.State.PendingGenomicDocuments.ContainsKey(s.Tan)))
        {
            var mayStillCome = submission.Status is SubmissionStatus.Submitted or SubmissionStatus.Received
                || (submission.DetailedQcSelected == true && submission.DetailedQc is null);
            if (!mayStillCome)
            {
                state.State.PendingGenomicDocuments.Remove(submission.Tan);
            }
        }
    }

    private Task NotifyInboxes() =>
        state.State.Case is { } current
            ? Task.WhenAll(current.Submissions.Select(s => GrainFactory.GetGrain<INodeInboxGrain>(s.NodeId).Upsert(new InboxEntry(this.GetPrimaryKeyString(), s))))
            : Task.CompletedTask;

    private async Task<DomainError?> NodeMayAct(Caller caller, SubmissionView submission)
    {
        if (caller.Role is not (ParticipantRole.Cdn or ParticipantRole.Gdc) || caller.ParticipantId != submission.NodeId)
        {
            return DomainError.Forbidden($"Only node {submission.NodeId}, which received TAN {submission.Tan}, acts on it.");
        }

        return await Nodes.IsApproved(caller.ParticipantId)
            ? null
            : DomainError.Conflict("node_not_approved", "Node not approved", $"Node {caller.ParticipantId} is not approved (suspended or revoked) and may not report.");
    }

    private DomainError? OwnerOnly(Caller caller) =>
        caller.Role == ParticipantRole.Provider && caller.ParticipantId == Key.SubmitterId
            ? null
            : DomainError.Forbidden("Only the provider (LE) that owns this case may change it.");

    private DomainError? OwnerOrOperator(Caller caller) =>
        caller.IsOperator ? null : OwnerOnly(caller) is null ? null : DomainError.Forbidden("A case is visible to its own provider (LE) and the operator only.");

    private CaseView Replace(CaseView current, SubmissionView changed, CaseEvent happened)
    {
        List<SubmissionView> submissions = [.. current.Submissions.Select(s => s.Tan == changed.Tan ? changed : s)];
        return current with
        {
            Submissions = submissions,
            History = [.. current.History, happened],
            Status = CaseLifecycle.Derive(submissions, state.State.Withdrawn, state.State.Billed, state.State.Reimbursed),
        };
    }

    private CaseEvent Event(string what, string? tan, CommandContext context) =>
        new(clock.GetUtcNow(), what, tan, $"{ParticipantClaimsText(context.Caller)}");

    private static string ParticipantClaimsText(Caller caller) => $"{caller.Role.ToString().ToLowerInvariant()}:{caller.ParticipantId}";

    private static string Describe(SubmissionView before, SubmissionView after) =>
        after.Status switch
        {
            SubmissionStatus.Received => "data received by " + after.NodeId,
            SubmissionStatus.QcPassed when before.Status != SubmissionStatus.QcPassed => after.DetailedQcSelected == true ? "basic QC passed; picked for detailed QC" : "basic QC passed",
            SubmissionStatus.QcFailed => $"basic QC failed: {after.BasicQc?.FailureReason}",
            _ when after.DetailedQc is { } detailed && before.DetailedQc is null => $"detailed QC {(detailed.Passed ? "passed" : "failed")} ({detailed.QcWorkflowVersion})",
            _ => $"{before.Status} → {after.Status}",
        };

    private static DomainError? Mismatch(string? actual, string expected, string path, string code, string what) =>
        actual == expected
            ? null
            : DomainError.Unprocessable(code, "Submission does not belong here",
                $"{path} is '{actual}', which is not {what} ('{expected}').", [new SubmissionFinding(code, path, $"expected '{expected}'")], []);

    private static DomainError DuplicateTan(string tan) =>
        DomainError.Conflict("duplicate_tang", "TAN already used", $"The TAN {tan} was used before by this provider; every submission needs a new TAN.");

    private static DomainError IllegalStep(SubmissionView submission, string step) =>
        DomainError.Conflict("illegal_submission_step", "Illegal submission step", $"TAN {submission.Tan} is {submission.Status}; {step} is not possible now.");

    private DomainError UnknownCase() =>
        DomainError.NotFound("unknown_case", "Unknown case", $"Case '{Key.LocalCaseId}' of provider {Key.SubmitterId} is not registered.");

    private static DomainError UnknownSubmission(string tan) =>
        DomainError.NotFound("unknown_submission", "Unknown submission", $"No submission with TAN {tan} belongs to this case.");

    /// <summary>The CDN a clinical document names for itself (for documents of a case without genomic data yet).</summary>
    private static string? ClinicalNodeNamedIn(string json)
    {
        try
        {
            var root = System.Text.Json.Nodes.JsonNode.Parse(json);
            var metaData = root?["metaData"] ?? root;
            return metaData?["submission"]?["clinicalDataNodeId"]?.GetValue<string>();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return null; // the validator reports the malformed document
        }
    }

    private static TEnum Validated<TEnum>(WireVocabulary<TEnum> vocabulary, string? value)
        where TEnum : struct, Enum =>
        vocabulary.TryParse(value, out var parsed) ? parsed : throw new InvalidOperationException($"'{value}' passed validation but is no {typeof(TEnum).Name}.");

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
