namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>What a claim does to a token: a redeemed or revoked token is final, a repeated
/// settlement by the same payer changes nothing, anything else takes the new status and payer.
/// One rule for the token grain (which applies it) and the reimbursement grain (which states the
/// outcome in its stored answer, so a replayed claim answers exactly the first answer).</summary>
public static class TokenSettlement
{
    /// <summary>The token after the settlement, or null when it does not change.</summary>
    public static TokenView? Apply(TokenView token, TokenStatus status, string payerIk)
    {
        ArgumentNullException.ThrowIfNull(token);
        var record = token.Record;
        if (record.Status is TokenStatus.Redeemed or TokenStatus.Revoked || (record.Status == status && (record.PresentedBy ?? record.RedeemedBy) == payerIk))
        {
            return null;
        }

        return token with
        {
            Record = record with
            {
                Status = status,
                PresentedBy = payerIk,
                RedeemedBy = status == TokenStatus.Redeemed ? payerIk : null,
            },
        };
    }
}
