namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>One way a presented Meldebestätigung is not well-formed. <see cref="Field"/> is the
/// hash-string field number (1–11), or 0 for the string as a whole and the IBE envelope;
/// <see cref="Name"/> names the part (e.g. <c>service_date</c>, <c>counter</c>, <c>sha256</c>);
/// <see cref="Code"/> is stable.</summary>
[GenerateSerializer, Immutable, Alias("genomde.token-problem")]
public sealed record TokenProblem(
    [property: Id(0)] int Field,
    [property: Id(1)] string Name,
    [property: Id(2)] string Code,
    [property: Id(3)] string Message);
