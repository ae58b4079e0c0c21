namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>Whether an accepted Prüfbericht earns a Meldebestätigung; when not,
/// <see cref="Reason"/> is what the LE is told.</summary>
[GenerateSerializer, Immutable, Alias("genomde.issuance-decision")]
public sealed record IssuanceDecision(
    [property: Id(0)] bool Issue,
    [property: Id(1)] Refusal? Reason)
{
    public static IssuanceDecision Confirm { get; } = new(true, null);

    public static IssuanceDecision Withhold(string code, string message) => new(false, new Refusal(code, message));
}
