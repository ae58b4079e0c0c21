namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>What the string alone says about a presented Meldebestätigung, before any registry
/// lookup. <see cref="ComputedSha256"/> is the SHA-256 of the hash string as given (even when a field
/// is malformed, so a payer can still tell a damaged transmission from a wrong field).</summary>
[GenerateSerializer, Immutable, Alias("genomde.token-verification")]
public sealed record TokenVerification(
    [property: Id(0)] bool WellFormed,
    [property: Id(1)] HashCheck Hash,
    [property: Id(2)] string HashMessage,
    [property: Id(3)] Meldebestaetigung? Token,
    [property: Id(4)] TokenForm Form,
    [property: Id(5)] IReadOnlyList<TokenProblem> Problems,
    [property: Id(6)] string? GivenSha256,
    [property: Id(7)] string? ComputedSha256)
{
    /// <summary>Value equality including the problems' contents (records compare lists by reference).</summary>
    public bool Equals(TokenVerification? other) =>
        other is not null
        && (WellFormed, Hash, HashMessage, Token, Form, GivenSha256, ComputedSha256)
            == (other.WellFormed, other.Hash, other.HashMessage, other.Token, other.Form, other.GivenSha256, other.ComputedSha256)
        && Problems.SequenceEqual(other.Problems);

    public override int GetHashCode() => HashCode.Combine(WellFormed, Hash, Token, Problems.Count);
}
