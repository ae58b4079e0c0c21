using System.Security.Cryptography;
using System.Text;

namespace GenomDE.Orleans.Tests.Qc;

/// <summary>A year of one LE's eligible (initial, basic QC passed) submissions in arrival order:
/// a fixed pseudo-random number per working day, so every run sees the same stream.</summary>
internal static class SubmissionStream
{
    public static IReadOnlyList<(DateOnly Date, string TanG)> Year(string submitterId, int year, int minPerWorkingDay, int maxPerWorkingDay, int seed)
    {
        var random = new Random(seed);
        var stream = new List<(DateOnly, string)>();
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            var count = random.Next(minPerWorkingDay, maxPerWorkingDay + 1);
            for (var i = 0; i < count; i++)
            {
                stream.Add((day, Tan($"{submitterId}-{stream.Count}")));
            }
        }

        return stream;
    }

    /// <summary>About 5–10 a week: a working day gets 0, 1, 2 or 3 (mean 1.5, i.e. ~7.5 a week).</summary>
    public static IReadOnlyList<(DateOnly Date, string TanG)> Small(string submitterId, int year = 2025) =>
        Year(submitterId, year, 0, 3, 7);

    /// <summary>About 300 a quarter: 3–6 per working day (mean 4.5 × ~64 working days).</summary>
    public static IReadOnlyList<(DateOnly Date, string TanG)> Busy(string submitterId, int year = 2025) =>
        Year(submitterId, year, 3, 6, 11);

    private static string Tan(string seed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));
}
