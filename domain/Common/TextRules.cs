namespace GenomDE.Orleans.Domain.Common;

/// <summary>Rules for free-text fields, so no field is empty or unbounded. The limits are the API's
/// (<see cref="InputLimits"/>): a caller that reaches a grain another way meets the same ones.</summary>
public static class TextRules
{
    public static DomainError? Required(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return DomainError.Invalid($"{field}_required", $"Missing {field}", $"'{field}' must be given and not be blank.");
        }

        return InputLimits.TooLong("$." + field, value, InputLimits.TextFor(field));
    }
}
