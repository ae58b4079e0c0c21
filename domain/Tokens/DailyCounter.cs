using System.Globalization;
using GenomDE.Orleans.Domain.Common;

namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>Numbers the confirmations of one LE per service date: 1, 2, … 999, never reused.</summary>
public static class DailyCounter
{
    /// <summary>Field 2 has three digits for the counter, and 000 is not a number BfArM uses.</summary>
    public const int Max = 999;

    public const string DayFullCode = "day_full";

    /// <summary>The next number, or <c>day_full</c> after 999. Wrapping to 001 would give two tokens of
    /// one LE and date the same field 2, so the day stops instead; the caller decides what then (an
    /// operator has to look: the busiest LE day in the real samples numbered 061).</summary>
    public static Result<int> Next(DailyCounterState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Last >= Max)
        {
            return DomainError.Conflict(DayFullCode, "No confirmation number left",
                string.Create(CultureInfo.InvariantCulture,
                    $"LE {state.ProviderIk} already has {Max} confirmations for {state.Date:yyyy-MM-dd}; the counter does not wrap."));
        }

        state.Last++;
        return Result<int>.Success(state.Last);
    }
}
