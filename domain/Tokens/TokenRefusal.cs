namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>A token of a claim that is not redeemed, and why. <see cref="Index"/> is its position in
/// the claim, since a malformed token may have no readable <see cref="ConfirmationCode"/>.</summary>
[GenerateSerializer, Immutable, Alias("genomde.token-refusal")]
public sealed record TokenRefusal(
    [property: Id(0)] int Index,
    [property: Id(1)] string? ConfirmationCode,
    [property: Id(2)] Refusal Reason);
