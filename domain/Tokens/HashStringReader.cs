using System.Globalization;
using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>Reads the eleven '&amp;'-separated fields of a hash string (domain.md §5), collecting
/// every problem rather than stopping at the first, so one reply tells the sender all that is wrong.</summary>
internal static class HashStringReader
{
    public const int FieldCount = 11;
    private const int ValueEchoLength = 24;

    public static Meldebestaetigung? Read(string hashString, List<TokenProblem> problems)
    {
        var fields = hashString.Split('&');
        var counted = fields.Length == FieldCount;
        var clean = new bool[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            // With the wrong number of fields a position names no field, so blame the whole string.
            clean[i] = CheckCharacters(fields[i], counted ? i + 1 : 0, problems);
        }

        if (!counted)
        {
            problems.Add(Problem(0, TokenFieldNames.HashString, TokenProblemCodes.FieldCount,
                $"A hash string has {FieldCount} fields separated by '&'; this one has {fields.Length}."));
            return null;
        }

        var before = problems.Count;
        var code = clean[0] ? Alphanumeric(fields[0], 1, 10, problems) : null;
        var (date, counter) = clean[1] ? ServiceDate(fields[1], problems) : (null, null);
        var ik = clean[2] ? Alphanumeric(fields[2], 3, 9, problems) : null;
        var node = clean[3] ? Alphanumeric(fields[3], 4, 9, problems) : null;
        var reportType = clean[4] ? Value(fields[4], 5, MeldebestaetigungFields.ReportTypes, problems) : null;
        var indication = clean[5] ? Value(fields[5], 6, MeldebestaetigungFields.Indications, problems) : null;
        if (clean[6])
        {
            Product(fields[6], problems);
        }

        var payer = clean[7] ? Value(fields[7], 8, MeldebestaetigungFields.Payers, problems) : null;
        var category = clean[8] ? Value(fields[8], 9, MeldebestaetigungFields.DataCategories, problems) : null;
        var sequencing = clean[9] ? Value(fields[9], 10, MeldebestaetigungFields.Sequencing, problems) : null;
        var qc = clean[10] ? Qc(fields[10], problems) : null;

        if (problems.Count > before || !clean.All(c => c))
        {
            return null;
        }

        return new Meldebestaetigung(code!, date!.Value, counter!.Value, ik!, node!, reportType!.Value, indication!.Value,
            payer!.Value, category!.Value, sequencing!.Value, qc!.Value);
    }

    public static bool IsAsciiAlphanumeric(string value) => value.All(char.IsAsciiLetterOrDigit);

    /// <summary>Only [A-Za-z0-9] may stand inside a field. EDIFACT's control characters get their own
    /// code because they are the dangerous ones: they would split the IBE segment.</summary>
    private static bool CheckCharacters(string field, int number, List<TokenProblem> problems)
    {
        var control = field.Where(c => c is '+' or ':' or '\'' or '?').Distinct().ToList();
        var other = field.Where(c => !char.IsAsciiLetterOrDigit(c) && c is not ('+' or ':' or '\'' or '?')).Distinct().ToList();
        var name = TokenFieldNames.ByField[number];
        if (control.Count > 0)
        {
            problems.Add(Problem(number, name, TokenProblemCodes.ControlCharacter,
                $"{Where(number)} contains the EDIFACT control character(s) {Show(control)}, which may not appear in a hash string."));
        }

        if (other.Count > 0)
        {
            problems.Add(Problem(number, name, TokenProblemCodes.ForbiddenCharacter,
                $"{Where(number)} contains {Show(other)}; only the characters [A-Za-z0-9&] are allowed."));
        }

        return control.Count == 0 && other.Count == 0;
    }

    private static string? Alphanumeric(string value, int number, int length, List<TokenProblem> problems)
    {
        if (value.Length == length && IsAsciiAlphanumeric(value))
        {
            return value;
        }

        problems.Add(Problem(number, TokenFieldNames.ByField[number], TokenProblemCodes.FieldFormat,
            $"Field {number} ({TokenFieldNames.ByField[number]}) must be exactly {length} letters or digits (an{length}); it is {Echo(value)} ({value.Length} characters)."));
        return null;
    }

    /// <summary>Field 2, n11: YYYYMMDD must be a real calendar date and NNN a counter from 001 to 999.</summary>
    private static (DateOnly? Date, int? Counter) ServiceDate(string value, List<TokenProblem> problems)
    {
        if (value.Length != 11 || !value.All(char.IsAsciiDigit))
        {
            problems.Add(Problem(2, TokenFieldNames.ByField[2], TokenProblemCodes.FieldFormat,
                $"Field 2 (service date + counter) must be 11 digits YYYYMMDDNNN (n11); it is {Echo(value)} ({value.Length} characters)."));
            return (null, null);
        }

        DateOnly? date = DateOnly.TryParseExact(value[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : null;
        if (date is null)
        {
            problems.Add(Problem(2, TokenFieldNames.ServiceDate, TokenProblemCodes.DateInvalid,
                $"Field 2 starts with '{value[..8]}', which is not a calendar date YYYYMMDD."));
        }

        int? counter = int.Parse(value[8..], NumberStyles.None, CultureInfo.InvariantCulture);
        if (counter is < 1 or > 999)
        {
            problems.Add(Problem(2, TokenFieldNames.Counter, TokenProblemCodes.CounterOutOfRange,
                $"Field 2 ends with the counter '{value[8..]}'; confirmations of an LE and date are counted from 001 to 999."));
            counter = null;
        }

        return (date, counter);
    }

    private static T? Value<T>(string value, int number, WireVocabulary<T> vocabulary, List<TokenProblem> problems)
        where T : struct, Enum
    {
        if (vocabulary.TryParse(value, out var parsed))
        {
            return parsed;
        }

        NotAllowed(value, number, vocabulary.Names, problems);
        return null;
    }

    private static void Product(string value, List<TokenProblem> problems)
    {
        var product = Meldebestaetigung.ModelProjectProduct.ToString(CultureInfo.InvariantCulture);
        if (value != product)
        {
            NotAllowed(value, 7, [product], problems);
        }
    }

    private static bool? Qc(string value, List<TokenProblem> problems)
    {
        switch (value)
        {
            case MeldebestaetigungFields.QcPassed:
                return true;
            case MeldebestaetigungFields.QcFailed:
                return false;
            default:
                NotAllowed(value, 11, [MeldebestaetigungFields.QcFailed, MeldebestaetigungFields.QcPassed], problems);
                return null;
        }
    }

    private static void NotAllowed(string value, int number, IReadOnlyList<string> allowed, List<TokenProblem> problems) =>
        problems.Add(Problem(number, TokenFieldNames.ByField[number], TokenProblemCodes.ValueNotAllowed,
            $"Field {number} ({TokenFieldNames.ByField[number]}) is {Echo(value)}; allowed: {string.Join(", ", allowed)}."));

    private static TokenProblem Problem(int field, string name, string code, string message) => new(field, name, code, message);

    private static string Where(int number) => number == 0 ? "The hash string" : $"Field {number} ({TokenFieldNames.ByField[number]})";

    private static string Show(IEnumerable<char> characters) =>
        string.Join(", ", characters.Select(c => char.IsControl(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : $"'{c}'"));

    /// <summary>Echoes a presented value in a message, cut short: the input is the sender's and may be long.</summary>
    internal static string Echo(string value) => value.Length switch
    {
        0 => "empty",
        <= ValueEchoLength => $"'{value}'",
        _ => $"'{value[..ValueEchoLength]}…'",
    };
}
