namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>Why a claim or a token was refused: a stable <see cref="Code"/> and a sentence for people.</summary>
[GenerateSerializer, Immutable, Alias("genomde.refusal")]
public sealed record Refusal(
    [property: Id(0)] string Code,
    [property: Id(1)] string Message);
