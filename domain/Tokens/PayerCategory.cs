namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>Field 8 of a Meldebestätigung: the payer class, coarser than the Prüfbericht's coverage
/// type (see <see cref="MeldebestaetigungFields.PayerOf"/>). The numbers are the field values.</summary>
[GenerateSerializer, Alias("genomde.payer-category")]
public enum PayerCategory
{
    /// <summary>Gesetzliche Krankenversicherung.</summary>
    Gkv = 1,

    /// <summary>Private Krankenversicherung.</summary>
    Pkv = 2,

    /// <summary>PKV/Beihilfe (civil-servant allowance).</summary>
    Beihilfe = 3,

    Other = 4,
}
