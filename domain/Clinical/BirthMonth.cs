using System.Globalization;

namespace GenomDE.Orleans.Domain.Clinical;

/// <summary>A birth date without the day (<c>YYYY-MM</c>), as the clinical data set carries it for
/// data minimisation. Rules must hold for every day of the month it could be, so they compare
/// against <see cref="FirstDay"/> or <see cref="LastDay"/>, whichever gives the patient the benefit
/// of the doubt.</summary>
public readonly record struct BirthMonth(int Year, int Month)
{
    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public static BirthMonth? Parse(string? value) =>
        value is { Length: 7 } && DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new BirthMonth(day.Year, day.Month)
            : null;

    /// <summary>The youngest age the patient can have on <paramref name="date"/> (born as late in the
    /// month as the date allows), in completed years; negative when the month lies after the date.</summary>
    public int MinimumAgeAt(DateOnly date)
    {
        if (date < FirstDay)
        {
            return -1;
        }

        var born = LastDay > date ? date : LastDay;
        var age = date.Year - born.Year;
        return date < born.AddYears(age) ? age - 1 : age;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
