using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.Domain.Tokens;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.GrainInterfaces.Events;
using GenomDE.Orleans.GrainInterfaces.Tokens;
using GenomDE.Orleans.Grains.Common;
using GenomDE.Orleans.Grains.Events;

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

    [Id(3)]
    public Outbox Outbox { get; set; } = new();

    /// <summary>Decided claims whose effects (token settlements, the case's billing status) may not
    /// have been applied yet; stored with the decision, pruned with a later write once applied.</summary>
    [Id(4)]
    public List<DecidedClaim> Unapplied { get; set; } = [];

    /// <summary>The random name payers know this reimbursement by (<see cref="ClaimIds"/>); set by the first claim.</summary>
    [Id(5)]
    public string? Reference { get; set; }
}

/// <summary>A stored claim decision and the payer that made the claim.</summary>
[GenerateSerializer, Immutable, Alias("genomde.decided-claim")]
public sealed record DecidedClaim(
    [property: Id(0)] long Sequence,
    [property: Id(1)] ReimbursementDecision Decision,
    [property: Id(2)] string PayerIk);

/// <summary>All claims on one case meet here, one at a time, so of any number of concurrent
/// claims at most one is accepted. The decision is stored, with its event and as unapplied, before
/// its effects on the tokens and the case; those follow from the outbox (after the write, on the
/// next activation after a crash, or by the retry timer) and are idempotent. Claims on a case come
/// once (or as a replay within seconds), so the activation does not wait long for more.</summary>
[GrainType("reimbursement"), CollectionAgeLimit(Minutes = 2)]
public sealed class ReimbursementGrain(
    [PersistentState("reimbursement", StorageNames.Platform)] IPersistentState<ReimbursementState> state,
    TimeProvider clock,
    OutboxRelay relay)
    : Grain, IReimbursementGrain, IOutboxGrain
{
    private long _appliedThrough;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        relay.Attach(this, () => state.State.Outbox, ApplyUnapplied);
        return Task.CompletedTask;
    }

    public Task FlushOutbox() => relay.FlushOwedAsync();

    public async Task<Result<ClaimAnswer>> Claim(CommandContext context, IReadOnlyList<string> tokens, PayerKind payerKind)
    {
        if (context.Caller.Role != ParticipantRole.Payer)
        {
            return DomainError.Forbidden("Only payers claim reimbursements.");
        }

        var fingerprint = "claim|" + string.Join('|', tokens);
        for (var attempt = 1; attempt <= ConsistentWrites.Attempts; attempt++)
        {
            if (state.State.Replies.Find(context, fingerprint) is { } replay)
            {
                await relay.FlushOwedAsync();
                return replay;
            }

            var looked = await Task.WhenAll(tokens.Select(Present));
            var presented = looked.Select(l => l.Presented).ToArray();
            var claim = new ReimbursementClaim(context.Caller.ParticipantId, presented, state.State.Reimbursed is null ? [] : [this.GetPrimaryKeyString()], payerKind);
            var decision = ReimbursementRules.Decide(claim);
            var ours = decision.CaseKey is null || decision.CaseKey == this.GetPrimaryKeyString();
            if (decision.Accepted && ours)
            {
                state.State.Reimbursed = decision;
                state.State.PaidBy = context.Caller.ParticipantId;
            }

            // The answer names the tokens as the settlement will leave them, so it can be stored now
            // and a replay answers exactly this.
            var views = looked.Where(l => l.View is not null).Select(l => l.View!).DistinctBy(v => v.Code).ToDictionary(v => v.Code);
            var sequence = state.State.Outbox.Emitted + 1;
            var reference = state.State.Reference ??= ClaimIds.NewReference();
            var answer = new ClaimAnswer(decision, [.. Settlements(decision).Where(x => views.ContainsKey(x.Code))
                .Select(x => TokenSettlement.Apply(views[x.Code], x.Status, context.Caller.ParticipantId) ?? views[x.Code])], ClaimIds.Of(reference, sequence));
            state.State.Replies.Remember(context, fingerprint, Result<ClaimAnswer>.Success(answer));
            var decided = new DecidedClaim(sequence, decision, context.Caller.ParticipantId);
            state.State.Outbox.Emit($"/genomde/reimbursements/{reference}", this.GetPrimaryKeyString(), clock.GetUtcNow(), ClaimEvent(decided));
            relay.Prune(state.State.Outbox);
            state.State.Unapplied.RemoveAll(c => c.Sequence <= _appliedThrough);
            state.State.Unapplied.Add(decided);
            if (await state.TryWriteAsync())
            {
                await relay.FlushAsync(() => Apply(decided));
                return Result<ClaimAnswer>.Success(answer);
            }
        }

        return DomainError.Conflict("concurrent_update", "Concurrent update", "The case's reimbursement changed during this claim; retry with the same Idempotency-Key.");
    }

    /// <summary>The effects of every stored decision this activation has not applied, in order.</summary>
    private async Task ApplyUnapplied()
    {
        foreach (var decided in state.State.Unapplied.Where(c => c.Sequence > _appliedThrough).ToList())
        {
            await Apply(decided);
        }
    }

    private async Task Apply(DecidedClaim decided)
    {
        await Apply(decided.Decision, decided.PayerIk);
        _appliedThrough = Math.Max(_appliedThrough, decided.Sequence);
    }

    /// <summary>The claim's outcome for the payer that made it (and the LE whose case it names). It
    /// names the claim, not the case: the case key is the hospital's, not the payer's business.</summary>
    private EventDraft ClaimEvent(DecidedClaim decided)
    {
        var decision = decided.Decision;
        var provider = decision.CaseKey is { } caseKey ? CaseKeys.Split(caseKey).SubmitterId : null;
        List<string> audience = provider is null ? [Audiences.Payer(decided.PayerIk)] : [Audiences.Payer(decided.PayerIk), Audiences.Provider(provider)];
        var claimId = ClaimIds.Of(state.State.Reference!, decided.Sequence);
        return new EventDraft("claim", decision.Accepted ? "accepted" : "refused", claimId,
            new Dictionary<string, string?>
            {
                ["claimId"] = claimId,
                ["payerIk"] = decided.PayerIk,
                ["tokens"] = string.Join(',', decision.Redeem),
                ["refusal"] = decision.ClaimRefusal?.Code,
            }.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value),
            audience);
    }

    /// <summary>Redeems the accepted tokens and tells the case; on a refusal the payer's valid
    /// tokens are marked presented by it (so no other payer can claim them).</summary>
    private async Task Apply(ReimbursementDecision decision, string payerIk)
    {
        if (decision.CaseKey is null || decision.CaseKey != this.GetPrimaryKeyString())
        {
            return;
        }

        await Task.WhenAll(Settlements(decision).Select(x => GrainFactory.GetGrain<ITokenGrain>(x.Code).Settle(x.Status, payerIk)));
        await GrainFactory.GetGrain<ICaseGrain>(decision.CaseKey).RecordClaim(payerIk, decision.Accepted);
    }

    /// <summary>The tokens a decision on this case settles, and to what.</summary>
    private List<(string Code, TokenStatus Status)> Settlements(ReimbursementDecision decision)
    {
        if (decision.CaseKey != this.GetPrimaryKeyString())
        {
            return [];
        }

        IEnumerable<(string Code, TokenStatus Status)> settlements = decision.Accepted
            ? decision.Redeem.Select(code => (code, TokenStatus.Redeemed))
            : decision.TokenRefusals.Where(r => r.ConfirmationCode is not null).Select(r => (r.ConfirmationCode!, SettlementOf(r.Reason.Code)))
                .Where(x => x.Item2 is not null).Select(x => (x.Item1, x.Item2!.Value));
        return [.. settlements.DistinctBy(x => x.Code)];
    }

    /// <summary>A refused claim never holds a token for the payer that made it (a wrong payer's
    /// presentation must not lock out the rightful one); a token that can never bill (test, not
    /// billable) is marked refused, others are left as they are.</summary>
    private static TokenStatus? SettlementOf(string tokenReason) => tokenReason switch
    {
        ReimbursementCodes.TestToken or ReimbursementCodes.TokenNotBillable => TokenStatus.Refused,
        _ => null,
    };

    private async Task<(PresentedToken Presented, TokenView? View)> Present(string text)
    {
        var verification = MeldebestaetigungFormat.Verify(text);
        var code = verification.Token?.Code;
        var view = code is null ? null : await GrainFactory.GetGrain<ITokenGrain>(code).Get();
        return (new PresentedToken(text, verification, view?.Record), view);
    }
}
