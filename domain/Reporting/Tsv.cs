using System.Globalization;
using System.Text;

namespace GenomDE.Orleans.Domain.Reporting;

/// <summary>Tab-separated text as the official report tables are written: one header line, one
/// line per row, '\n' line ends, "NA" for a value the platform does not have, yes/no for flags,
/// numbers in invariant culture. A value can never break the table: tabs and line breaks in it
/// become spaces; and it cannot run as a spreadsheet formula (<see cref="SpreadsheetCell"/>).</summary>
public sealed class Tsv
{
    public const string NotAvailable = "NA";

    private readonly StringBuilder _text = new();

    public Tsv(IEnumerable<string> header) => Line(header);

    public Tsv Line(IEnumerable<string> values)
    {
        _text.AppendJoin('\t', values.Select(Clean)).Append('\n');
        return this;
    }

    public override string ToString() => _text.ToString();

    public static string YesNo(bool? value) => value switch { true => "yes", false => "no", null => NotAvailable };

    public static string Number(double? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : NotAvailable;

    /// <summary>Percentages rounded to two decimals, as a reader compares them.</summary>
    public static string Percent(double? value) => value is { } v ? Math.Round(v, 2).ToString(CultureInfo.InvariantCulture) : NotAvailable;

    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Text(string? value) => string.IsNullOrEmpty(value) ? NotAvailable : value;

    /// <summary>Neutralised as sent (a leading tab counts), then flattened.</summary>
    private static string Clean(string value) => SpreadsheetCell.Neutralise(value).Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
