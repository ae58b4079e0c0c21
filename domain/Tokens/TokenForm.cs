namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>The two ways a Meldebestätigung is written down.</summary>
[GenerateSerializer, Alias("genomde.token-form")]
public enum TokenForm
{
    /// <summary>The eleven fields joined by '&amp;' alone, as printed in documentation and QR codes.</summary>
    HashString = 0,

    /// <summary><c>IBE+&lt;code&gt;+&lt;hash string&gt;+9+&lt;sha256&gt;</c>, the § 301 segment the LE forwards.</summary>
    Delivered = 1,
}
