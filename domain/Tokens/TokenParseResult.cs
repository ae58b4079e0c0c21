namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>A presented Meldebestätigung read back: the token when the string is well-formed,
/// otherwise every problem found. <see cref="GivenSha256"/> is the hash value of the IBE form as
/// written (null for the hash-string form, or when the envelope could not be split).</summary>
[GenerateSerializer, Immutable, Alias("genomde.token-parse-result")]
public sealed record TokenParseResult(
    [property: Id(0)] Meldebestaetigung? Token,
    [property: Id(1)] TokenForm Form,
    [property: Id(2)] IReadOnlyList<TokenProblem> Problems,
    [property: Id(3)] string? GivenHashString,
    [property: Id(4)] string? GivenSha256)
{
    public bool IsWellFormed => Token is not null && Problems.Count == 0;

    /// <summary>Value equality including the problems' contents (records compare lists by reference).</summary>
    public bool Equals(TokenParseResult? other) =>
        other is not null
        && (Token, Form, GivenHashString, GivenSha256) == (other.Token, other.Form, other.GivenHashString, other.GivenSha256)
        && Problems.SequenceEqual(other.Problems);

    public override int GetHashCode() => HashCode.Combine(Token, Form, Problems.Count);
}
