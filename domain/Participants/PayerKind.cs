namespace GenomDE.Orleans.Domain.Participants;

[GenerateSerializer, Alias("genomde.payer-kind")]
public enum PayerKind
{
    /// <summary>Statutory health insurance (gesetzliche Krankenversicherung).</summary>
    Gkv = 0,

    /// <summary>Private health insurance (private Krankenversicherung).</summary>
    Pkv = 1,

    Other = 2,

    /// <summary>Beihilfe office (civil-servant allowance), payer class 3 of a Meldebestätigung.</summary>
    Beihilfe = 3,
}
