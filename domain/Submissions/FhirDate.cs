using System.Globalization;

namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>A FHIR date or dateTime reduced to the days it covers. FHIR lets a bound name a year or a
/// month; a start then begins on its first day and an end runs to its last, so "2050" as an end
/// still covers 31.12.2050. Submissions are judged per day, so a time of day is dropped.</summary>
public readonly record struct FhirDate(DateOnly First, DateOnly Last)
{
    public static FhirDate? Parse(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var culture = CultureInfo.InvariantCulture;
        if (value.Length >= 10 && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", culture, DateTimeStyles.None, out var day))
        {
            return new FhirDate(day, day);
        }

        if (value.Length == 7 && DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", culture, DateTimeStyles.None, out var month))
        {
            return new FhirDate(month, month.AddMonths(1).AddDays(-1));
        }

        if (value.Length == 4 && int.TryParse(value, NumberStyles.None, culture, out var year) && year is >= 1 and <= 9999)
        {
            return new FhirDate(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }

        return null;
    }
}
