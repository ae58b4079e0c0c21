using System.Text.RegularExpressions;

namespace GenomDE.Orleans.Domain.Reporting;

/// <summary>Formula injection (OWASP "CSV injection"): a spreadsheet that opens a report runs a cell
/// starting with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> (or a tab or carriage return before one)
/// as a formula, and a node's free text (e.g. its QC workflow version) reaches the operator's report.
/// Such a cell gets a leading single quote, which spreadsheets read as "text". A number stays a
/// number: a negative deviation (<c>-3.5</c>) cannot be a formula and must stay computable.</summary>
public static partial class SpreadsheetCell
{
    [GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$")]
    private static partial Regex NumberPattern();

    public static string Neutralise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return StartsLikeFormula(value) && !NumberPattern().IsMatch(value) ? "'" + value : value;
    }

    /// <summary>Leading spaces do not keep a spreadsheet from reading a formula after them.</summary>
    private static bool StartsLikeFormula(string value) =>
        value.TrimStart(' ') is ['=' or '+' or '-' or '@' or '\t' or '\r' or '\n', ..];
}
