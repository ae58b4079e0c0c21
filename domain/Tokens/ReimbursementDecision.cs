namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>The answer to a claim. Accepted: one flat rate for <see cref="CaseKey"/>, and exactly the
/// tokens in <see cref="Redeem"/> are to be marked redeemed by the payer. Refused:
/// <see cref="ClaimRefusal"/> says why and nothing is redeemed. Either way <see cref="TokenRefusals"/>
/// lists every presented token that is not redeemed, with its own reason.</summary>
[GenerateSerializer, Immutable, Alias("genomde.reimbursement-decision")]
public sealed record ReimbursementDecision(
    [property: Id(0)] string? CaseKey,
    [property: Id(1)] IReadOnlyList<string> Redeem,
    [property: Id(2)] IReadOnlyList<TokenRefusal> TokenRefusals,
    [property: Id(3)] Refusal? ClaimRefusal)
{
    public bool Accepted => ClaimRefusal is null;

    /// <summary>Value equality including the lists' contents (records compare lists by reference).</summary>
    public bool Equals(ReimbursementDecision? other) =>
        other is not null && (CaseKey, ClaimRefusal) == (other.CaseKey, other.ClaimRefusal)
        && Redeem.SequenceEqual(other.Redeem) && TokenRefusals.SequenceEqual(other.TokenRefusals);

    public override int GetHashCode() => HashCode.Combine(CaseKey, ClaimRefusal, Redeem.Count, TokenRefusals.Count);
}
