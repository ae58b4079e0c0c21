using GenomDE.Orleans.Domain.Participants;

namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>A payer's claim for the flat rate of one case: the tokens the LE billed with, plus the
/// keys of those of the tokens' cases that were already reimbursed (the caller looks them up; the
/// rules themselves hold no state).</summary>
[GenerateSerializer, Immutable, Alias("genomde.reimbursement-claim")]
public sealed record ReimbursementClaim(
    [property: Id(0)] string PayerIk,
    [property: Id(1)] IReadOnlyList<PresentedToken> Tokens,
    [property: Id(2)] IReadOnlyList<string> ReimbursedCaseKeys,
    [property: Id(3)] Participants.PayerKind PayerKind = Participants.PayerKind.Gkv)
{
    /// <summary>Value equality including the lists' contents (records compare lists by reference).</summary>
    public bool Equals(ReimbursementClaim? other) =>
        other is not null && PayerIk == other.PayerIk && PayerKind == other.PayerKind
        && Tokens.SequenceEqual(other.Tokens) && ReimbursedCaseKeys.SequenceEqual(other.ReimbursedCaseKeys);

    public override int GetHashCode() => HashCode.Combine(PayerIk, Tokens.Count);
}
