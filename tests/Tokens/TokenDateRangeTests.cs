using System.Net;
using GenomDE.Orleans.ClientApi.Limits;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Tokens;
using GenomDE.Orleans.Tests.Fixtures;

namespace GenomDE.Orleans.Tests.Tokens;

/// <summary>An LE's token list names its service days: one date or a range of at most 31 days,
/// within the model project's lifetime. Anything else is a 400 before a grain is asked.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class TokenDateRangeTests(PlatformFixture platform)
{
    private static readonly DateTimeOffset Now = new(2025, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("/api/v1/tokens", "date_range_required")]
    [InlineData("/api/v1/tokens?from=2025-01-01", "date_range_required")]
    [InlineData("/api/v1/tokens?date=2024-06-30", "date_out_of_range")]
    [InlineData("/api/v1/tokens?date=9999-12-31", "date_out_of_range")]
    [InlineData("/api/v1/tokens?date=15.06.2025", "invalid_date")]
    [InlineData("/api/v1/tokens?from=2025-01-01&to=2025-02-01", "invalid_date_range")]
    [InlineData("/api/v1/tokens?from=2025-02-01&to=2025-01-01", "invalid_date_range")]
    [InlineData("/api/v1/tokens?date=2025-01-01&from=2025-01-01&to=2025-01-02", "invalid_date_range")]
    [InlineData("/api/v1/tokens/csv", "invalid_date")]
    [InlineData("/api/v1/tokens/csv?date=2000-01-01", "date_out_of_range")]
    public async Task Unbounded_or_impossible_days_are_a_400(string path, string code)
    {
        await (await platform.Client(ParticipantRole.Provider, "123456789").GetAsync(path)).AssertProblem(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task A_range_of_31_days_and_a_single_day_are_answered()
    {
        var hospital = platform.Client(ParticipantRole.Provider, TestIds.Ik());

        Assert.Empty(await (await hospital.GetAsync("/api/v1/tokens?from=2025-01-01&to=2025-01-31")).Read<List<TokenView>>());
        Assert.Empty(await (await hospital.GetAsync("/api/v1/tokens?date=2024-07-01")).Read<List<TokenView>>());
    }

    [Theory]
    [InlineData("2025-06-16", null, null, "2025-06-16", "2025-06-16")] // tomorrow (UTC) is today in Germany after 22:00 UTC
    [InlineData(null, "2025-05-17", "2025-06-16", "2025-05-17", "2025-06-16")]
    [InlineData(null, "2024-07-01", "2024-07-01", "2024-07-01", "2024-07-01")]
    public void Ranges_within_the_bounds_are_taken_as_given(string? date, string? from, string? to, string first, string last)
    {
        Assert.Null(ServiceDateRange.TryParse(date, from, to, Now, out var range));
        Assert.Equal(new ServiceDateRange(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture)), range);
    }

    [Theory]
    [InlineData("2025-06-17", null, null, "date_out_of_range")]
    [InlineData(null, "2025-05-16", "2025-06-16", "invalid_date_range")] // 32 days
    [InlineData(null, "2025-06-01", "2025-6-2", "invalid_date")]
    public void Ranges_outside_the_bounds_are_refused(string? date, string? from, string? to, string code)
    {
        Assert.Equal(code, ServiceDateRange.TryParse(date, from, to, Now, out _)?.Code);
    }
}
