using GenomDE.Orleans.GrainInterfaces.Reporting;

namespace GenomDE.Orleans.Tests.Reporting;

public sealed class ReportQuarterTests
{
    [Theory]
    [InlineData(2025, "Q1", 1)]
    [InlineData(2025, "q4", 4)]
    public void A_quarter_parses_from_year_and_Qn(int year, string text, int quarter) =>
        Assert.Equal(new ReportQuarter(year, quarter), ReportQuarter.TryParse(year, text));

    [Theory]
    [InlineData(2025, "Q0")]
    [InlineData(2025, "Q5")]
    [InlineData(2025, "1")]
    [InlineData(2025, "Q12")]
    [InlineData(1999, "Q1")]
    [InlineData(2101, "Q1")]
    [InlineData(2025, null)]
    public void Anything_else_is_no_quarter(int year, string? text) => Assert.Null(ReportQuarter.TryParse(year, text));

    [Theory]
    [InlineData("2025-01-01", 2025, 1)]
    [InlineData("2025-03-31", 2025, 1)]
    [InlineData("2025-04-01", 2025, 2)]
    [InlineData("2024-12-31", 2024, 4)]
    public void A_day_belongs_to_its_calendar_quarter(string day, int year, int quarter) =>
        Assert.Equal(new ReportQuarter(year, quarter), ReportQuarter.Of(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_quarter_has_its_days_and_a_key()
    {
        var q = new ReportQuarter(2024, 1);

        Assert.Equal((new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31), 91), (q.FirstDay, q.LastDay, q.Days().Count()));
        Assert.Equal("2024-Q1", q.Key);
    }

    [Fact]
    public void A_bucket_reports_to_the_period_of_its_node_and_quarter()
    {
        var bucket = ReportKeys.Bucket("GRZTST001", new DateOnly(2025, 8, 15), ReportKeys.ShardOf("C3ab"));

        Assert.Equal("GRZTST001/2025-08-15/c", bucket);
        Assert.Equal("GRZTST001/2025-Q3", ReportKeys.PeriodOfBucket(bucket));
        Assert.Equal(ReportKeys.Period("GRZTST001", ReportQuarter.Of(new DateOnly(2025, 9, 30))), ReportKeys.PeriodOfBucket(bucket));
    }
}
