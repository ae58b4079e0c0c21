namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>One token of a payer's claim: the string as the payer sent it, what the string alone
/// says (<c>MeldebestaetigungFormat.Verify</c>), and the registry's record for its code (null when the
/// registry does not know the code or the string was too malformed to find one).</summary>
[GenerateSerializer, Immutable, Alias("genomde.presented-token")]
public sealed record PresentedToken(
    [property: Id(0)] string Presented,
    [property: Id(1)] TokenVerification Verification,
    [property: Id(2)] TokenRecord? Record);
