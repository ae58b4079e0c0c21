namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>A token as the platform's registry knows it: the token issued under its code, where it
/// stands, and the case it belongs to. <see cref="CaseKey"/> is the case grain key (LE IK + local case
/// ID, see <c>CaseKeys</c>); <see cref="ProviderIk"/> is the LE it was issued to.
/// <see cref="PresentedBy"/> / <see cref="RedeemedBy"/> are payer IKs, set once a payer presented or
/// redeemed it.</summary>
[GenerateSerializer, Immutable, Alias("genomde.token-record")]
public sealed record TokenRecord(
    [property: Id(0)] Meldebestaetigung Token,
    [property: Id(1)] TokenStatus Status,
    [property: Id(2)] string CaseKey,
    [property: Id(3)] string ProviderIk,
    [property: Id(4)] string? PresentedBy = null,
    [property: Id(5)] string? RedeemedBy = null);
