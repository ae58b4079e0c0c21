using System.Globalization;
using System.Text.Json;
using GenomDE.Orleans.Domain.Tokens;

namespace GenomDE.Orleans.Bench;

/// <summary>Times the reporting reads after the load phases: the GDC's quarterly report (domain.md
/// §9, the quarter every bench submission falls into) and the operator's statistics, each asked a
/// few times so the first (cold) and later (warm) answers are both visible.</summary>
internal static class ReportTimings
{
    public static async Task<IReadOnlyList<string>> Run(Api api, string operatorToken, CancellationToken ct)
    {
        // Every bench submission is received during the run, and a submission counts in the quarter
        // of its receipt day (German time), as grzctl counts: the quarter of today.
        var today = GrainInterfaces.Reporting.ReportQuarter.Of(GenomDE.Orleans.Domain.Tokens.ServiceDates.Of(DateTimeOffset.UtcNow));
        var quarter = string.Create(CultureInfo.InvariantCulture, $"{today.Year}/Q{today.Quarter}");
        var lines = new List<string>();
        foreach (var table in new[] { "overview", "submissions", "detailed-qc" })
        {
            var path = $"/api/v1/reports/quarterly/{quarter}/{table}?node={Participants.Gdc}";
            var (times, body) = await Timed(api, $"GET /reports/quarterly/{{q}}/{table}", path, operatorToken, 3, ct);
            var rows = body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"quarterly report {quarter} of {Participants.Gdc}, table {table}: {rows} rows, {body.Length} characters; {Times(times)} (target < 1000 ms)"));
        }

        var (statTimes, statistics) = await Timed(api, "GET /statistics", "/api/v1/statistics", operatorToken, 5, ct);
        using var json = JsonDocument.Parse(statistics);
        var cases = json.RootElement.GetProperty("cases").GetInt64();
        var submissions = json.RootElement.GetProperty("submissions").GetInt64();
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"statistics: {cases} cases, {submissions} submissions counted; {Times(statTimes)} (target < 100 ms)"));
        return lines;
    }

    private static async Task<(List<double> Times, string Body)> Timed(Api api, string label, string path, string token, int times, CancellationToken ct)
    {
        var elapsed = new List<double>();
        var body = "";
        for (var i = 0; i < times; i++)
        {
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            body = await api.Send(label, HttpMethod.Get, path, token, null, ct: ct);
            elapsed.Add(System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return (elapsed, body);
    }

    private static string Times(List<double> ms) =>
        string.Create(CultureInfo.InvariantCulture, $"first {ms[0]:F0} ms, then {string.Join(", ", ms.Skip(1).Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))} ms");
}
