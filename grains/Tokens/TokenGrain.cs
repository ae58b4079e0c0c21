using GenomDE.Orleans.GrainInterfaces.Common;
using GenomDE.Orleans.GrainInterfaces.Tokens;
using GenomDE.Orleans.Grains.Common;
using GenomDE.Orleans.Grains.Domain;

namespace GenomDE.Orleans.Grains.Tokens;

[GenerateSerializer, Alias("genomde.token-state")]
public sealed class TokenState
{
    [Id(0)]
    public TokenView? Token { get; set; }
}

[GrainType("token")]
public sealed class TokenGrain(
    [PersistentState("token", StorageNames.Platform)] IPersistentState<TokenState> state,
    TimeProvider clock) : Grain, ITokenGrain
{
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
            return true;
        });
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
                return true;
            });
        }

        return state.State.Token!.Record.Status == TokenStatus.Revoked
            ? Result<TokenView>.Success(state.State.Token)
            : DomainError.Conflict("token_redeemed", "Already redeemed", $"Confirmation {token.Code} was redeemed meanwhile.");
    }

    public async Task<TokenView> Settle(TokenStatus status, string payerIk)
    {
        await state.UpdateAsync(s =>
        {
            var record = s.Token!.Record;
            if (record.Status is TokenStatus.Redeemed or TokenStatus.Revoked || (record.Status == status && (record.PresentedBy ?? record.RedeemedBy) == payerIk))
            {
                return false; // final, or a repeated settlement
            }

            s.Token = s.Token with
            {
                Record = record with
                {
                    Status = status,
                    PresentedBy = payerIk,
                    RedeemedBy = status == TokenStatus.Redeemed ? payerIk : null,
                },
            };
            return true;
        });
        return state.State.Token!;
    }
}
