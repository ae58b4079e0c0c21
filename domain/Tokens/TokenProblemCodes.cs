namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>Stable codes of the ways a presented Meldebestätigung can be malformed; which field is
/// wrong travels separately (<c>TokenProblem.Field</c> / <c>Name</c>). Never rename or reuse a code.</summary>
public static class TokenProblemCodes
{
    public const string Empty = "token_empty";

    /// <summary>One of the EDIFACT control characters + : ' ? inside the hash string; they would
    /// break the § 301 segment the token travels in.</summary>
    public const string ControlCharacter = "edifact_control_character";

    /// <summary>Any other character outside [A-Za-z0-9&amp;].</summary>
    public const string ForbiddenCharacter = "forbidden_character";

    public const string FieldCount = "field_count";

    /// <summary>Wrong length or character class for the field's format (an10, n11, an9).</summary>
    public const string FieldFormat = "field_format";

    public const string DateInvalid = "date_invalid";
    public const string CounterOutOfRange = "counter_out_of_range";
    public const string ValueNotAllowed = "value_not_allowed";

    // The IBE envelope.
    public const string IbeElementCount = "ibe_element_count";
    public const string IbeFixedElement = "ibe_fixed_element";
    public const string IbeCodeMismatch = "ibe_code_mismatch";
    public const string Sha256Format = "sha256_format";
}
