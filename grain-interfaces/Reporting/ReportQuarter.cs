using System.Globalization;

namespace GenomDE.Orleans.GrainInterfaces.Reporting;

/// <summary>A calendar quarter, the unit of the GDC quarterly report (domain.md §9). A submission
/// belongs to the quarter of its <c>submissionDate</c>, as in the official grzctl report.</summary>
[GenerateSerializer, Immutable, Alias("genomde.report-quarter")]
public sealed record ReportQuarter(
    [property: Id(0)] int Year,
    [property: Id(1)] int Quarter)
{
    /// <summary>The model project started in 2024; far-future years are typos, not quarters.</summary>
    public const int FirstYear = 2020;
    public const int LastYear = 2100;

    public DateOnly FirstDay => new(Year, ((Quarter - 1) * 3) + 1, 1);

    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);

    /// <summary>"2025-Q2": the form used in grain keys.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Quarter}");

    public static ReportQuarter Of(DateOnly day) => new(day.Year, ((day.Month - 1) / 3) + 1);

    /// <summary>Parses the route's year and "Q1"–"Q4" (also "q1"); null when either is invalid.</summary>
    public static ReportQuarter? TryParse(int year, string? quarter)
    {
        if (year is < FirstYear or > LastYear || quarter is not { Length: 2 } || char.ToUpperInvariant(quarter[0]) != 'Q' || quarter[1] is < '1' or > '4')
        {
            return null;
        }

        return new ReportQuarter(year, quarter[1] - '0');
    }

    public IEnumerable<DateOnly> Days()
    {
        for (var day = FirstDay; day <= LastDay; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
