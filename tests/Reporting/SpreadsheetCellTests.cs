using GenomDE.Orleans.Domain.Reporting;

namespace GenomDE.Orleans.Tests.Reporting;

/// <summary>Report cells cannot run as spreadsheet formulas; numbers stay numbers.</summary>
public sealed class SpreadsheetCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"click\")", "'=HYPERLINK(\"http://evil.example\",\"click\")")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(1+1)", "'@SUM(1+1)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "'\r=1+1")]
    [InlineData("  =1+1", "'  =1+1")]
    [InlineData("-Infinity", "'-Infinity")]
    public void Cells_that_start_like_a_formula_are_quoted(string value, string expected)
    {
        Assert.Equal(expected, SpreadsheetCell.Neutralise(value));
    }

    [Theory]
    [InlineData("-3.5")]
    [InlineData("-12")]
    [InlineData("+4")]
    [InlineData("1E-05")]
    [InlineData("-1.5E+20")]
    [InlineData("0")]
    [InlineData("nf-core/sarek 3.4.0")]
    [InlineData("GRZM00123")]
    [InlineData("NA")]
    [InlineData("a=b")]
    [InlineData("")]
    public void Numbers_and_ordinary_text_stay_as_they_are(string value)
    {
        Assert.Equal(value, SpreadsheetCell.Neutralise(value));
    }

    [Fact]
    public void A_table_neutralises_text_cells_and_keeps_negative_numbers()
    {
        var tsv = new Tsv(["version", "deviation%"])
            .Line(["=cmd|' /C calc'!A0\tmore", Tsv.Percent(-3.456)])
            .Line([Tsv.Text("@import"), Tsv.Number(-0.00001)])
            .ToString();

        Assert.Equal("version\tdeviation%\n'=cmd|' /C calc'!A0 more\t-3.46\n'@import\t-1E-05\n", tsv);
    }
}
