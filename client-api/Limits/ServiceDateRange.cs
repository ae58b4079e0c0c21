using System.Globalization;
using GenomDE.Orleans.Domain.Common;

namespace GenomDE.Orleans.ClientApi.Limits;

/// <summary>The service days a token list covers: one <c>date</c>, or <c>from</c>–<c>to</c>
/// (inclusive) of at most <see cref="MaxDays"/> days, within the model project's lifetime. Checked
/// before any grain is asked, so no request walks every day of an LE or reaches a day no token can
/// have.</summary>
public sealed record ServiceDateRange(DateOnly From, DateOnly To)
{
    public const int MaxDays = 31;

    /// <summary>The model project (§ 64e SGB V) started on 1 July 2024: no service date is earlier.</summary>
    public static readonly DateOnly ModelProjectStart = new(2024, 7, 1);

    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>The latest day a token can carry: service days are German calendar days, at most a
    /// day ahead of UTC's.</summary>
    public static DateOnly Latest(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime).AddDays(1);

    public static DomainError? TryParse(string? date, string? from, string? to, DateTimeOffset now, out ServiceDateRange range)
    {
        range = new ServiceDateRange(ModelProjectStart, ModelProjectStart);
        if (date is not null)
        {
            if (from is not null || to is not null)
            {
                return Invalid("invalid_date_range", "Use either date (one day) or from and to (a range), not both.");
            }

            if (Day(date, "date", now, out var day) is { } wrong)
            {
                return wrong;
            }

            range = new ServiceDateRange(day, day);
            return null;
        }

        if (from is null || to is null)
        {
            return Invalid("date_range_required",
                $"Name the service days: date=YYYY-MM-DD, or from=YYYY-MM-DD&to=YYYY-MM-DD (at most {MaxDays} days).");
        }

        if (Day(from, "from", now, out var first) is { } invalidFrom)
        {
            return invalidFrom;
        }

        if (Day(to, "to", now, out var last) is { } invalidTo)
        {
            return invalidTo;
        }

        if (last < first || last.DayNumber - first.DayNumber + 1 > MaxDays)
        {
            return Invalid("invalid_date_range", $"from {first:yyyy-MM-dd} to {last:yyyy-MM-dd} is not a range of 1–{MaxDays} days.");
        }

        range = new ServiceDateRange(first, last);
        return null;
    }

    /// <summary>One service day given as <c>YYYY-MM-DD</c>, within the model project's lifetime.</summary>
    public static DomainError? Day(string text, string name, DateTimeOffset now, out DateOnly day)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return Invalid("invalid_date", $"{name} is a date YYYY-MM-DD, not '{Echo(text)}'.");
        }

        var latest = Latest(now);
        return day < ModelProjectStart || day > latest
            ? Invalid("date_out_of_range", $"{name} {day:yyyy-MM-dd} is outside the model project's service days ({ModelProjectStart:yyyy-MM-dd} to {latest:yyyy-MM-dd}).")
            : null;
    }

    private static string Echo(string text) => text.Length <= 24 ? text : text[..24] + "…";

    private static DomainError Invalid(string code, string detail) => DomainError.Invalid(code, "Invalid service dates", detail);
}
