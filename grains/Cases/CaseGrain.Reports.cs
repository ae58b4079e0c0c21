using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.GrainInterfaces.Common;
using GenomDE.Orleans.GrainInterfaces.Submissions;
using GenomDE.Orleans.GrainInterfaces.Tokens;
using GenomDE.Orleans.Grains.Common;
using GenomDE.Orleans.Grains.Reports;
using GenomDE.Orleans.Grains.Tokens;

namespace GenomDE.Orleans.Grains.Cases;

/// <summary>Check reports, the confirmations they earn, and the payer's claim.</summary>
public sealed partial class CaseGrain
{
    /// <summary>Answers with the reported submission only (its confirmation outcome included): the
    /// node sees what it reported on, not the LE's whole case.</summary>
    public Task<Result<SubmissionView>> AcceptCheckReport(CommandContext context, CheckReport report) =>
        Execute(context, $"report|{report}", s => s.NodeReplies, async current =>
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
            return Result<CaseDecision<SubmissionView>>.Success(new(next, reported, state.State.Withdrawn));
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
        await FeedReporting(current);
    }

    /// <summary>Issues the Meldebestätigung for an accepted report when the policy says so: a
    /// counter per LE and service date, a fresh collision-free code, the token grain (the day's counter is the LE's list).
    /// Every step is idempotent per TAN, so a retried report never takes a second number.</summary>
    private async Task<Result<ConfirmationOutcome>> Confirm(CheckReport report)
    {
        var decision = IssuancePolicy.BfArMToday.Decide(report);
        if (!decision.Issue)
        {
            return Result<ConfirmationOutcome>.Success(new ConfirmationOutcome(null, decision.Reason));
        }

        var serviceDate = ServiceDates.Of(clock.GetUtcNow());
        await GrainFactory.GetGrain<IProviderTokenDaysGrain>(Key.SubmitterId).Add(serviceDate); // listed before any token of the day exists
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
                return Result<ConfirmationOutcome>.Success(new ConfirmationOutcome(code, null));
            }

            code = (await counter.ReplaceCode(report.Tan.ToLowerInvariant())).Code; // astronomically rare: the code was taken
        }

        return DomainError.Conflict("code_collision", "No free confirmation code", "Could not find a free confirmation code; retry.");
    }
}
