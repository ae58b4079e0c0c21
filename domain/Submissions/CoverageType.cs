namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>Who covers the patient (<c>coverageType</c>); the wire values are the upper-case
/// abbreviations, see <see cref="WireNames"/>.</summary>
[GenerateSerializer, Alias("genomde.coverage-type")]
public enum CoverageType
{
    /// <summary>Gesetzliche Krankenversicherung (statutory health insurance).</summary>
    Gkv = 0,

    /// <summary>Private Krankenversicherung.</summary>
    Pkv = 1,

    /// <summary>Berufsgenossenschaft (occupational accident insurance).</summary>
    Bg = 2,

    /// <summary>Selbstzahler (self-payer).</summary>
    Sel = 3,

    /// <summary>Sozialamt (social welfare office).</summary>
    Soz = 4,

    /// <summary>Gesetzliche Pflegeversicherung.</summary>
    Gpv = 5,

    /// <summary>Private Pflegeversicherung.</summary>
    Ppv = 6,

    /// <summary>Beihilfe (civil-servant allowance).</summary>
    Bei = 7,

    /// <summary>Sonstige Kostenträger (other payers).</summary>
    Skt = 8,

    /// <summary>Unklar / unbekannt.</summary>
    Unk = 9,
}
