namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>Whether the hash value presented with a Meldebestätigung is the SHA-256 of its hash string.</summary>
[GenerateSerializer, Alias("genomde.hash-check")]
public enum HashCheck
{
    Matches = 0,
    Mismatch = 1,

    /// <summary>The hash-string form carries no hash value, so there is nothing to compare; only the
    /// registry can tell whether the fields are the ones issued.</summary>
    NotGiven = 2,

    /// <summary>The IBE envelope or its hash value is malformed, so no comparison is meaningful.</summary>
    NotComparable = 3,
}
