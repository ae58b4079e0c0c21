using System.Text.Json;
using GenomDE.Orleans.ClientApi.Auth;
using GenomDE.Orleans.ClientApi.Problems;
using GenomDE.Orleans.Domain.Common;

namespace GenomDE.Orleans.ClientApi.Apis;

/// <summary>What every state-changing handler needs first: the caller and the command envelope.</summary>
public static class ApiRequest
{
    public static bool TryBegin(HttpContext http, out CommandContext context, out IResult? problem)
    {
        var caller = http.User.ToCaller();
        if (caller is null)
        {
            context = null!;
            problem = Problem.Result(StatusCodes.Status403Forbidden, "forbidden", "Not allowed for this participant", "The token carries no known participant role.");
            return false;
        }

        return RequestIds.TryContext(http, caller, out context, out problem);
    }

    /// <summary>Parses an optional enum query parameter written as in JSON (snake_case).</summary>
    public static bool TryParseFilter<TEnum>(string? value, string name, out TEnum? parsed, out IResult? problem)
        where TEnum : struct, Enum
    {
        parsed = null;
        problem = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        var names = Enum.GetValues<TEnum>().ToDictionary(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));
        if (names.TryGetValue(value, out var match))
        {
            parsed = match;
            return true;
        }

        problem = Problem.Result(StatusCodes.Status400BadRequest, "invalid_filter", $"Invalid {name}",
            $"'{value}' is not a valid {name}; use one of: {string.Join(", ", names.Keys)}.");
        return false;
    }
}
