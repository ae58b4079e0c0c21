using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Cases;

namespace GenomDE.Orleans.ClientApi.Limits;

/// <summary>The format of every ID a route names, by the route parameter's name: a grain is keyed by
/// it, so a malformed one is refused before any grain is activated for it (domain.md §2).
/// Parameters named <c>id</c> differ by route (nodes, webhooks) and are checked by their handlers.</summary>
public static class PathIds
{
    private static readonly Dictionary<string, (Func<string, bool> IsValid, string Code, string Expected)> Rules = new(StringComparer.Ordinal)
    {
        ["localCaseId"] = (v => CaseKeys.IsValidLocalCaseId(v), "invalid_local_case_id", $"a local case ID of 1–{CaseKeys.MaxLocalCaseIdLength} printable characters"),
        ["tan"] = (v => Identifiers.IsTan(v), "invalid_tan", "a TAN of 64 hexadecimal characters"),
        ["ik"] = (v => Identifiers.IsIk(v), "invalid_ik", "an IK of 9 digits (^[0-9]{9}$)"),
        ["code"] = (v => Identifiers.IsConfirmationCode(v), "invalid_confirmation_code", "a confirmation code of 10 letters or digits"),
    };

    /// <summary>The route parameters this type checks.</summary>
    public static IEnumerable<string> Names => Rules.Keys;

    /// <summary>Null when the value fits the parameter's format (or the parameter has no rule here).</summary>
    public static DomainError? Check(string name, string? value)
    {
        if (!Rules.TryGetValue(name, out var rule) || (value is not null && rule.IsValid(value)))
        {
            return null;
        }

        var shown = value is null ? "nothing" : value.Length <= 80 ? $"'{value}'" : $"'{value[..80]}…' ({value.Length} characters)";
        return DomainError.Invalid(rule.Code, "Invalid identifier", $"{name} is {rule.Expected}, not {shown}.");
    }
}
