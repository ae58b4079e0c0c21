using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.GrainInterfaces.Common;
using GenomDE.Orleans.GrainInterfaces.Submissions;
using GenomDE.Orleans.GrainInterfaces.Tokens;
using GenomDE.Orleans.Grains.Common;
using GenomDE.Orleans.Grains.Domain;

namespace GenomDE.Orleans.Grains.Tokens;

[GenerateSerializer, Alias("genomde.reimbursement-state")]
public sealed class ReimbursementState
{
    /// <summary>The accepted decision, once: one flat rate per case.</summary>
    [Id(0)]
    public ReimbursementDecision? Reimbursed { get; set; }

    [Id(1)]
    public string? PaidBy { get; set; }

    [Id(2)]
    public IdempotentReplies<ClaimAnswer> Replies { get; set; } = new();
}

/// <summary>All claims on one case meet here, one at a time, so of any number of concurrent
/// claims at most one is accepted. The decision is stored before its effects on the tokens and
/// the case are applied; a replay re-applies them (they are idempotent).</summary>
[GrainType("reimbursement")]
public sealed class ReimbursementGrain(
    [PersistentState("reimbursement", StorageNames.Platform)] IPersistentState<ReimbursementState> state)
    : Grain, IReimbursementGrain
{
    public async Task<Result<ClaimAnswer>> Claim(CommandContext context, IReadOnlyList<string> tokens)
    {
        if (context.Caller.Role != ParticipantRole.Payer)
        {
            return DomainError.Forbidden("Only payers claim reimbursements.");
        }

        var fingerprint = "claim|" + string.Join('|', tokens);
        for (var attempt = 1; attempt <= ConsistentWrites.Attempts; attempt++)
        {
            if (state.State.Replies.Find(context.RequestId, fingerprint) is { } replay)
            {
                if (replay.IsSuccess)
                {
                    await Apply(replay.Value!.Decision, context.Caller.ParticipantId);
                }

                return replay;
            }

            var presented = await Task.WhenAll(tokens.Select(Present));
            var claim = new ReimbursementClaim(context.Caller.ParticipantId, presented, state.State.Reimbursed is null ? [] : [this.GetPrimaryKeyString()]);
            var decision = ReimbursementRules.Decide(claim);
            var ours = decision.CaseKey is null || decision.CaseKey == this.GetPrimaryKeyString();
            if (decision.Accepted && ours)
            {
                state.State.Reimbursed = decision;
                state.State.PaidBy = context.Caller.ParticipantId;
            }

            var answer = new ClaimAnswer(decision, []);
            state.State.Replies.Remember(context.RequestId, fingerprint, Result<ClaimAnswer>.Success(answer));
            if (await state.TryWriteAsync())
            {
                var views = await Apply(decision, context.Caller.ParticipantId);
                return Result<ClaimAnswer>.Success(answer with { Tokens = views });
            }
        }

        return DomainError.Conflict("concurrent_update", "Concurrent update", "The case's reimbursement changed during this claim; retry with the same Idempotency-Key.");
    }

    /// <summary>Redeems the accepted tokens and tells the case; on a refusal the payer's valid
    /// tokens are marked presented by it (so no other payer can claim them).</summary>
    private async Task<IReadOnlyList<TokenView>> Apply(ReimbursementDecision decision, string payerIk)
    {
        if (decision.CaseKey is null || decision.CaseKey != this.GetPrimaryKeyString())
        {
            return [];
        }

        IEnumerable<(string Code, TokenStatus Status)> settlements = decision.Accepted
            ? decision.Redeem.Select(code => (code, TokenStatus.Redeemed))
            : decision.TokenRefusals.Where(r => r.ConfirmationCode is not null).Select(r => (r.ConfirmationCode!, SettlementOf(r.Reason.Code, decision.ClaimRefusal!.Code)))
                .Where(x => x.Item2 is not null).Select(x => (x.Item1, x.Item2!.Value));
        var views = await Task.WhenAll(settlements.DistinctBy(x => x.Code).Select(x => GrainFactory.GetGrain<ITokenGrain>(x.Code).Settle(x.Status, payerIk)));
        await GrainFactory.GetGrain<ICaseGrain>(decision.CaseKey).RecordClaim(payerIk, decision.Accepted);
        return views;
    }

    /// <summary>In a refused claim a genuine token the payer may bill later stays with it (presented);
    /// one that can never bill (test, not billable) is refused; others are left as they are.</summary>
    private static TokenStatus? SettlementOf(string tokenReason, string claimReason) => tokenReason switch
    {
        ReimbursementCodes.TestToken or ReimbursementCodes.TokenNotBillable => TokenStatus.Refused,
        _ when tokenReason == claimReason => TokenStatus.Presented,
        _ => null,
    };

    private async Task<PresentedToken> Present(string text)
    {
        var verification = MeldebestaetigungFormat.Verify(text);
        var code = verification.Token?.Code;
        var view = code is null ? null : await GrainFactory.GetGrain<ITokenGrain>(code).Get();
        return new PresentedToken(text, verification, view?.Record);
    }
}
