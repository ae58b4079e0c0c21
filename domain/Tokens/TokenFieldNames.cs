namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>The names problems use for the parts of a Meldebestätigung, index = field number.</summary>
internal static class TokenFieldNames
{
    public const string Whole = "token";
    public const string HashString = "hash_string";
    public const string Ibe = "ibe";
    public const string IbeCode = "ibe_code";
    public const string IbeFixed = "ibe_fixed_element";
    public const string Sha256 = "sha256";
    public const string ServiceDate = "service_date";
    public const string Counter = "counter";

    /// <summary>Field 2 reports as <see cref="ServiceDate"/> or <see cref="Counter"/> when only one half is wrong.</summary>
    public static readonly IReadOnlyList<string> ByField =
    [
        Whole, "code", "service_date_counter", "le_id", "node_id", "report_type", "indication", "product", "payer",
        "data_category", "sequencing", "qc_result",
    ];
}
