using System.Globalization;
using GenomDE.Orleans.ClientApi.Problems;
using GenomDE.Orleans.Domain.Common;

namespace GenomDE.Orleans.ClientApi.Limits;

/// <summary>What a list request asks for: at most <see cref="Limit"/> items after the key
/// <see cref="After"/> (null: from the first).</summary>
public sealed record PageRequest(int Limit, string? After)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static PageRequest First { get; } = new(DefaultLimit, null);

    /// <summary>Numbers come in as text so that a malformed one is our 400 problem, not the binder's.</summary>
    public static bool TryParse(string? limit, string? cursor, out PageRequest page, out IResult? problem)
    {
        page = First;
        problem = null;
        var count = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxLimit))
        {
            problem = Problem.Result(StatusCodes.Status400BadRequest, "invalid_limit", "Invalid limit", $"limit is a whole number from 1 to {MaxLimit} (default {DefaultLimit}).");
            return false;
        }

        string? after = null;
        if (cursor is not null)
        {
            if (!PageCursor.TryDecode(cursor, out var key))
            {
                problem = Problem.Result(StatusCodes.Status400BadRequest, "invalid_cursor", "Invalid cursor",
                    "The cursor is not one this API handed out; follow the Link header's rel=\"next\" of a previous answer, or omit it to start at the first item.");
                return false;
            }

            after = key;
        }

        page = new PageRequest(count, after);
        return true;
    }
}
