namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>Field 2's date is the day a report reached the platform, as the operator (in Germany) counts days.</summary>
public static class ServiceDates
{
    private static readonly TimeZoneInfo Germany = FindGermany();

    public static DateOnly Of(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Germany).DateTime);

    private static TimeZoneInfo FindGermany()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc; // a machine without time-zone data: days then change at midnight UTC
        }
    }
}
