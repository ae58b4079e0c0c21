using GenomDE.Orleans.GrainInterfaces.Common;

namespace GenomDE.Orleans.Grains.Domain;

/// <summary>Rules for free-text fields, so no field is empty or unbounded.</summary>
public static class TextRules
{
    public const int MaxLength = 500;

    public static DomainError? Required(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return DomainError.Invalid($"{field}_required", $"Missing {field}", $"'{field}' must be given and not be blank.");
        }

        return value.Length > MaxLength
            ? DomainError.Invalid($"{field}_too_long", $"{field} too long", $"'{field}' has {value.Length} characters; at most {MaxLength} are allowed.")
            : null;
    }
}
