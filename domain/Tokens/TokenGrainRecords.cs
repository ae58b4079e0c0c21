namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>An issued Meldebestätigung as the registry keeps it: the record, the TAN it confirms,
/// when it was issued, and why it was revoked (if it was).</summary>
[GenerateSerializer, Immutable, Alias("genomde.token-view")]
public sealed record TokenView(
    [property: Id(0)] TokenRecord Record,
    [property: Id(1)] string Tan,
    [property: Id(2)] DateTimeOffset IssuedAt,
    [property: Id(3)] string? RevocationReason)
{
    public string Code => Record.Token.Code;
}

/// <summary>The counter and code reserved for one TAN on one service date.</summary>
[GenerateSerializer, Immutable, Alias("genomde.token-allocation")]
public sealed record TokenAllocation(
    [property: Id(0)] int Counter,
    [property: Id(1)] string Code);

/// <summary>What a payer learns from posting a token string.</summary>
[GenerateSerializer, Immutable, Alias("genomde.token-check")]
public sealed record TokenCheck(
    [property: Id(0)] bool WellFormed,
    [property: Id(1)] HashCheck Hash,
    [property: Id(2)] string HashMessage,
    [property: Id(3)] bool Issued,
    [property: Id(4)] TokenStatus? Status,
    [property: Id(5)] bool Billable,
    [property: Id(6)] string? Code,
    [property: Id(7)] IReadOnlyList<TokenProblem> Problems)
{
    /// <summary>Value equality including the problems' contents.</summary>
    public bool Equals(TokenCheck? other) =>
        other is not null && (WellFormed, Hash, HashMessage, Issued, Status, Billable, Code) == (other.WellFormed, other.Hash, other.HashMessage, other.Issued, other.Status, other.Billable, other.Code)
        && Problems.SequenceEqual(other.Problems);

    public override int GetHashCode() => HashCode.Combine(WellFormed, Hash, Issued, Status, Code);
}

/// <summary>Why a check report did not earn a token, as the LE sees it.</summary>
[GenerateSerializer, Immutable, Alias("genomde.confirmation-outcome")]
public sealed record ConfirmationOutcome(
    [property: Id(0)] string? Code,
    [property: Id(1)] Refusal? NotIssued);

/// <summary>The decided claim as the reimbursement grain keeps it (the case key and the tokens'
/// full records); payers see <see cref="PayerClaimAnswer"/>.</summary>
[GenerateSerializer, Immutable, Alias("genomde.claim-answer")]
public sealed record ClaimAnswer(
    [property: Id(0)] ReimbursementDecision Decision,
    [property: Id(1)] IReadOnlyList<TokenView> Tokens,
    [property: Id(2)] string? ClaimId = null)
{
    /// <summary>What the payer learns: its claim's ID, codes, statuses and reasons; no TAN, case
    /// key or local case ID (they link the insured person to the pseudonymous data).</summary>
    public PayerClaimAnswer ForPayer() => new(
        ClaimId ?? "",
        Decision.Accepted,
        Decision.Redeem,
        Decision.TokenRefusals,
        Decision.ClaimRefusal,
        [.. Tokens.Select(t => new PayerTokenStatus(t.Code, t.Record.Status))]);
}

/// <summary>A payer's answer to its claim.</summary>
public sealed record PayerClaimAnswer(
    string ClaimId,
    bool Accepted,
    IReadOnlyList<string> Redeemed,
    IReadOnlyList<TokenRefusal> Refusals,
    Refusal? ClaimRefusal,
    IReadOnlyList<PayerTokenStatus> Tokens);

/// <summary>A token's status after the claim, by its code.</summary>
public sealed record PayerTokenStatus(string Code, TokenStatus Status);
