using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Reports;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.Domain.Tokens;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.GrainInterfaces.Tokens;
using GenomDE.Orleans.Grains.Common;

namespace GenomDE.Orleans.Grains.Cases;

/// <summary>Check reports, the confirmations they earn, and the payer's claim.</summary>
public sealed partial class CaseGrain
{
    /// <summary>Answers with the reported submission only (its confirmation outcome included): the
    /// node sees what it reported on, not the LE's whole case.</summary>
    public Task<Result<SubmissionView>> AcceptCheckReport(CommandContext context, CheckReport report) =>
        Execute(context, $"report|{report}", s => s.NodeReplies, _submissionCodec, async current =>
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
                // Refused, but recorded: the LE and the node hear of it, and BfArM can see how often it happens.
                var refusal = DomainError.Unprocessable("report_mismatch", "Check report does not match the submission",
                    $"The check report contradicts what was submitted under TAN {report.Tan} in {mismatches.Count} field(s).", mismatches, []);
                var traced = current with { History = [.. current.History, Event(CaseEvents.MismatchPrefix + string.Join(", ", mismatches.Select(m => m.Path)), report.Tan, context)] };
                return Result<CaseDecision<SubmissionView>>.Success(new(traced, submission, state.State.Withdrawn, refusal));
            }

            var reported = submission with { Status = SubmissionStatus.Reported, Report = report, Confirmation = Confirm(report) };
            var verdict = report.DataQualityCheckPassed ? "passed" : "failed";
            var next = Replace(current, reported, Event($"{submission.DataCategory.ToString().ToLowerInvariant()} check report accepted (QC {verdict})", report.Tan, context));
            return Result<CaseDecision<SubmissionView>>.Success(new(next, reported, state.State.Withdrawn));
        });

    public async Task RecordClaim(string payerIk, bool reimbursed)
    {
        for (var attempt = 1; attempt <= ConsistentWrites.Attempts; attempt++)
        {
            if (state.State.Case is not { } current || state.State.Reimbursed || (!reimbursed && state.State.Billed))
            {
                await relay.FlushOwedAsync();
                return; // unknown case, or a repeated notification
            }

            var what = reimbursed ? $"reimbursed by payer {payerIk}" : $"confirmations presented by payer {payerIk}; claim not accepted";
            state.State.Billed = true;
            state.State.Reimbursed |= reimbursed;
            var next = current with
            {
                History = [.. current.History, new CaseEvent(clock.GetUtcNow(), what, null, $"payer:{payerIk}")],
                Status = CaseLifecycle.Derive(current.Submissions, state.State.Withdrawn, state.State.Billed, state.State.Reimbursed),
            };
            if (await TryStore(current, next, state.State.Withdrawn, payerIk))
            {
                await relay.FlushAsync(() => Task.CompletedTask);
                return;
            }
        }

        throw new global::Orleans.Storage.InconsistentStateException("The case kept changing while recording a claim; the reimbursement grain retries.");
    }

    /// <summary>Decides whether the accepted report earns a Meldebestätigung (<c>IssuancePolicy</c>).
    /// If so, its service date and code are fixed here, in the write that accepts the report, before
    /// any counter or token exists; a retry or re-decision reuses them, so a report can never take a
    /// second number, not even across midnight. The token itself is issued after the write.</summary>
    private ConfirmationOutcome Confirm(CheckReport report)
    {
        var decision = IssuancePolicy.BfArMToday.Decide(report);
        if (!decision.Issue)
        {
            return new ConfirmationOutcome(null, decision.Reason);
        }

        var tan = report.Tan.ToLowerInvariant();
        if (!state.State.Confirmations.TryGetValue(tan, out var pending))
        {
            pending = new PendingConfirmation(ServiceDates.Of(clock.GetUtcNow()), ConfirmationCodes.New());
            state.State.Confirmations[tan] = pending; // stored with the report, or dropped by the reload after a failed write
        }

        return new ConfirmationOutcome(pending.Code, null);
    }

    /// <summary>Issues every decided confirmation this activation has not yet seen issued: the LE's
    /// day index, the day's counter (the number, idempotent per TAN), then the token grain. A code
    /// that is taken (astronomically rare) or a full day (999) changes the case's answer in a write
    /// of its own.</summary>
    private async Task IssueConfirmations()
    {
        foreach (var (tan, pending) in state.State.Confirmations.Where(c => !_issued.Contains(c.Key)).ToList())
        {
            if (state.State.Case?.Submissions.FirstOrDefault(s => s.Tan.Equals(tan, StringComparison.OrdinalIgnoreCase)) is not { Report: { } report } submission)
            {
                continue;
            }

            await GrainFactory.GetGrain<IProviderTokenDaysGrain>(Key.SubmitterId).Add(pending.ServiceDate); // listed before any token of the day exists
            var counter = GrainFactory.GetGrain<ITokenCounterGrain>(ITokenCounterGrain.KeyOf(Key.SubmitterId, pending.ServiceDate));
            var allocation = await counter.Allocate(tan, pending.Code);
            if (!allocation.IsSuccess)
            {
                await Reconfirm(submission.Tan, tan, new ConfirmationOutcome(null, new Refusal(allocation.Error!.Code, allocation.Error.Detail)));
                continue;
            }

            var (number, code) = allocation.Value!;
            for (var attempt = 1; ; attempt++)
            {
                var token = MeldebestaetigungFormat.FromCheckReport(report, code, pending.ServiceDate, number);
                var issued = await GrainFactory.GetGrain<ITokenGrain>(code).Issue(new TokenRecord(token, TokenStatus.Issued, this.GetPrimaryKeyString(), Key.SubmitterId), report.Tan);
                if (issued.IsSuccess)
                {
                    break;
                }

                if (attempt == ConsistentWrites.Attempts)
                {
                    throw new InvalidOperationException($"No free confirmation code for TAN {tan} after {attempt} attempts.");
                }

                code = (await counter.ReplaceCode(tan)).Code;
            }

            if (code != pending.Code)
            {
                await Reconfirm(submission.Tan, tan, new ConfirmationOutcome(code, null));
            }

            _issued.Add(tan);
        }
    }

    /// <summary>Records a confirmation outcome that differs from the one decided with the report
    /// (the code was taken, or the day was full): a change of the case like any other, with its
    /// history entry and event, so reporting counts the token as it ended up.</summary>
    private async Task Reconfirm(string submissionTan, string tan, ConfirmationOutcome outcome)
    {
        for (var attempt = 1; attempt <= ConsistentWrites.Attempts; attempt++)
        {
            var current = state.State.Case!;
            var submission = current.Submissions.First(x => x.Tan == submissionTan);
            if (submission.Confirmation == outcome)
            {
                return;
            }

            if (outcome.Code is { } code)
            {
                state.State.Confirmations[tan] = state.State.Confirmations[tan] with { Code = code };
            }
            else
            {
                state.State.Confirmations.Remove(tan);
            }

            var what = outcome.Code is { } issued ? $"Meldebestätigung code changed to {issued}" : $"no Meldebestätigung issued: {outcome.NotIssued?.Code}";
            var next = Replace(current, submission with { Confirmation = outcome }, new CaseEvent(clock.GetUtcNow(), what, submissionTan, "platform"));
            if (await TryStore(current, next, state.State.Withdrawn))
            {
                return;
            }
        }

        throw new global::Orleans.Storage.InconsistentStateException("The case kept changing while recording its Meldebestätigung; the outbox retries.");
    }
}
