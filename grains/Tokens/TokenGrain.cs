using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Tokens;
using GenomDE.Orleans.GrainInterfaces.Events;
using GenomDE.Orleans.GrainInterfaces.Tokens;
using GenomDE.Orleans.Grains.Common;
using GenomDE.Orleans.Grains.Events;

namespace GenomDE.Orleans.Grains.Tokens;

[GenerateSerializer, Alias("genomde.token-state")]
public sealed class TokenState
{
    [Id(0)]
    public TokenView? Token { get; set; }

    [Id(1)]
    public Outbox Outbox { get; set; } = new();

    /// <summary>Answers to the operator's releases, so a replay answers the same.</summary>
    [Id(2)]
    public IdempotentReplies<TokenView> Replies { get; set; } = new();
}

// One Meldebestätigung: issued, later verified and claimed by a payer, each a single call.
[GrainType("token"), CollectionAgeLimit(Minutes = 2)]
public sealed class TokenGrain(
    [PersistentState("token", StorageNames.Platform)] IPersistentState<TokenState> state,
    TimeProvider clock,
    OutboxRelay relay) : Grain, ITokenGrain, IOutboxGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        relay.Attach(this, () => state.State.Outbox, () => Task.CompletedTask);
        return Task.CompletedTask;
    }

    public Task FlushOutbox() => relay.FlushOwedAsync();

    public Task<TokenView?> Get() => Task.FromResult(state.State.Token);

    public async Task<Result<TokenView>> Issue(TokenRecord record, string tan)
    {
        var issued = new TokenView(record, tan, clock.GetUtcNow(), null);
        await state.UpdateAsync(s =>
        {
            if (s.Token is not null)
            {
                return false;
            }

            s.Token = issued;
            Emit(s, "issued");
            return true;
        });
        await relay.FlushOwedAsync();
        var stored = state.State.Token!;
        return stored.Tan == tan && stored.Record.Token == record.Token
            ? Result<TokenView>.Success(stored)
            : DomainError.Conflict("code_collision", "Confirmation code taken", $"Code {record.Token.Code} already confirms another TAN.");
    }

    public async Task<Result<TokenView>> Revoke(CommandContext context, string reason)
    {
        if (!context.Caller.IsOperator)
        {
            return DomainError.Forbidden("Only the operator revokes confirmations.");
        }

        if (TextRules.Required(reason, "reason") is { } missing)
        {
            return missing;
        }

        if (state.State.Token is not { } token)
        {
            return DomainError.NotFound("unknown_token", "Unknown confirmation", $"No confirmation {this.GetPrimaryKeyString()} was issued.");
        }

        if (token.Record.Status == TokenStatus.Redeemed)
        {
            return DomainError.Conflict("token_redeemed", "Already redeemed", $"Confirmation {token.Code} was redeemed by payer {token.Record.RedeemedBy}; it can no longer be revoked.");
        }

        if (token.Record.Status != TokenStatus.Revoked)
        {
            await state.UpdateAsync(s =>
            {
                if (s.Token!.Record.Status is TokenStatus.Revoked or TokenStatus.Redeemed)
                {
                    return false;
                }

                s.Token = s.Token with { Record = s.Token.Record with { Status = TokenStatus.Revoked }, RevocationReason = reason.Trim() };
                Emit(s, "revoked");
                return true;
            });
        }

        await relay.FlushOwedAsync();

        return state.State.Token!.Record.Status == TokenStatus.Revoked
            ? Result<TokenView>.Success(state.State.Token)
            : DomainError.Conflict("token_redeemed", "Already redeemed", $"Confirmation {token.Code} was redeemed meanwhile.");
    }

    public async Task<Result<TokenView>> Release(CommandContext context, string reason)
    {
        if (!context.Caller.IsOperator)
        {
            return DomainError.Forbidden("Only the operator releases confirmations.");
        }

        if (TextRules.Required(reason, "reason") is { } missing)
        {
            return missing;
        }

        const string fingerprint = "release";
        if (state.State.Replies.Find(context, fingerprint) is { } replay)
        {
            return replay;
        }

        if (state.State.Token is not { } token)
        {
            return DomainError.NotFound("unknown_token", "Unknown confirmation", $"No confirmation {this.GetPrimaryKeyString()} was issued.");
        }

        if (token.Record.Status != TokenStatus.Presented)
        {
            return DomainError.Conflict("token_not_held", "Not held by a payer",
                $"Confirmation {token.Code} is {token.Record.Status.ToString().ToLowerInvariant()}; only a token a payer's presentation holds can be released.");
        }

        Result<TokenView>? released = null;
        await state.UpdateAsync(s =>
        {
            if (s.Replies.Find(context, fingerprint) is not null || s.Token!.Record.Status != TokenStatus.Presented)
            {
                return false;
            }

            s.Token = s.Token with { Record = s.Token.Record with { Status = TokenStatus.Issued, PresentedBy = null } };
            released = Result<TokenView>.Success(s.Token);
            s.Replies.Remember(context, fingerprint, released);
            Emit(s, "released", reason.Trim());
            return true;
        });
        await relay.FlushOwedAsync();
        return state.State.Replies.Find(context, fingerprint) ?? released
            ?? DomainError.Conflict("token_not_held", "Not held by a payer", $"Confirmation {token.Code} changed meanwhile.");
    }

    /// <summary>Adds the event of the token's new status to the outbox written next.</summary>
    private void Emit(TokenState s, string what, string? reason = null)
    {
        relay.Prune(s.Outbox);
        var token = s.Token!;
        var record = token.Record;
        List<string> audience = [Audiences.Provider(record.ProviderIk), .. new[] { record.PresentedBy, record.RedeemedBy }.OfType<string>().Distinct().Select(Audiences.Payer)];
        // No case key: payers are in the audience, and the LE finds the case by the code in its token list.
        var data = new Dictionary<string, string?> { ["code"] = token.Code, ["status"] = record.Status.ToString().ToLowerInvariant() };
        if ((record.RedeemedBy ?? record.PresentedBy) is { } payer)
        {
            data["payerIk"] = payer;
        }

        if (reason is not null)
        {
            data["reason"] = reason;
        }

        s.Outbox.Emit($"/genomde/tokens/{token.Code}", record.CaseKey, clock.GetUtcNow(), new EventDraft("token", what, token.Code, data, audience));
    }

    public async Task<TokenView> Settle(TokenStatus status, string payerIk)
    {
        await state.UpdateAsync(s =>
        {
            if (TokenSettlement.Apply(s.Token!, status, payerIk) is not { } settled)
            {
                return false; // final, or a repeated settlement
            }

            s.Token = settled;
            Emit(s, status.ToString().ToLowerInvariant());
            return true;
        });
        await relay.FlushOwedAsync();
        return state.State.Token!;
    }
}
