using System.Security.Cryptography;
using System.Text;
using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>Reading, writing and checking Meldebestätigungen (domain.md §5). Parse and Verify take
/// whatever a payer or LE pastes and never throw: a wrong token is an expected answer, not a fault.</summary>
public static class MeldebestaetigungFormat
{
    private const string IbePrefix = Meldebestaetigung.IbeTag + "+";

    /// <summary>Accepts the hash string alone or the delivered <c>IBE+…</c> string. The token is set
    /// only when there is no problem at all; otherwise <see cref="TokenParseResult.Problems"/> names
    /// every field that is wrong and how. Nothing is trimmed: whitespace is not part of any token.</summary>
    public static TokenParseResult Parse(string? text)
    {
        var problems = new List<TokenProblem>();
        if (string.IsNullOrEmpty(text))
        {
            problems.Add(new TokenProblem(0, TokenFieldNames.Whole, TokenProblemCodes.Empty, "No confirmation was given."));
            return new TokenParseResult(null, TokenForm.HashString, problems, null, null);
        }

        if (!text.StartsWith(IbePrefix, StringComparison.Ordinal))
        {
            var token = HashStringReader.Read(text, problems);
            return new TokenParseResult(problems.Count == 0 ? token : null, TokenForm.HashString, problems, text, null);
        }

        return ParseDelivered(text, problems);
    }

    /// <summary>The exact string of <paramref name="token"/> in the given form;
    /// <c>Format(Parse(x).Token, Parse(x).Form) == x</c> for every well-formed x.</summary>
    public static string Format(Meldebestaetigung token, TokenForm form = TokenForm.Delivered)
    {
        ArgumentNullException.ThrowIfNull(token);
        return form == TokenForm.HashString ? token.HashString : token.Delivered;
    }

    /// <summary>What the string alone proves: whether it is well-formed and, for the IBE form, whether
    /// its hash value is the SHA-256 of its hash string. It cannot prove the token was issued: the
    /// hash is unkeyed, so anyone can compute it; only the registry can.</summary>
    public static TokenVerification Verify(string? text)
    {
        var parsed = Parse(text);
        var computed = parsed.GivenHashString is { } hashString ? Sha256Of(hashString) : null;
        var (check, message) = parsed switch
        {
            { Form: TokenForm.HashString } => (HashCheck.NotGiven,
                "The hash string alone carries no hash value to compare; present the IBE form or let the registry confirm the fields."),
            { GivenSha256: { } given } when computed is not null && IsSha256(given) => given == computed
                ? (HashCheck.Matches, "The hash value is the SHA-256 of the hash string.")
                : (HashCheck.Mismatch, "The hash value is not the SHA-256 of the hash string: the string was changed or damaged."),
            _ => (HashCheck.NotComparable, "The IBE envelope or its hash value is malformed, so the hash cannot be compared."),
        };

        return new TokenVerification(parsed.IsWellFormed, check, message, parsed.Token, parsed.Form, parsed.Problems,
            parsed.GivenSha256, computed);
    }

    /// <summary>The token for an accepted Prüfbericht. <paramref name="serviceDate"/> is the date the
    /// report reached the platform, <paramref name="counter"/> the LE's next number for that date
    /// (<see cref="DailyCounter"/>), <paramref name="code"/> a fresh <see cref="ConfirmationCodes.New"/>.
    /// Sequencing comes from the report's library type, which is always one of none/panel/wes/wgs/
    /// wgs_lr: metadata.json's panel_lr, wes_lr, wxs (and wxs_lr, other, unknown) are dropped when the
    /// GRZ derives the Prüfbericht (<c>Reports.LibraryTypes.FromMetadata</c>, as grzctl does), so they
    /// never reach this field and are not mapped to a short-read cousin. Whether the report earns a
    /// token at all is <see cref="IssuancePolicy"/>'s call, not this method's.</summary>
    /// <exception cref="ArgumentException">The inputs would not make a well-formed token (a code
    /// outside [A-Za-z0-9]{10}, a counter outside 1–999, IDs that are not an9): a bug in the caller,
    /// since codes, counters and reports are all validated before they get here.</exception>
    public static Meldebestaetigung FromCheckReport(CheckReport report, string code, DateOnly serviceDate, int counter)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(code);
        if (counter is < 1 or > DailyCounter.Max)
        {
            throw new ArgumentOutOfRangeException(nameof(counter), counter, $"A daily counter runs from 1 to {DailyCounter.Max}.");
        }

        var token = new Meldebestaetigung(code, serviceDate, counter, report.SubmitterId, report.DataNodeId, report.SubmissionType,
            report.DiseaseType, MeldebestaetigungFields.PayerOf(report.CoverageType), report.DataCategory, report.LibraryType,
            report.DataQualityCheckPassed);

        // Re-reading what we would hand out is the one check that every field is writable as is.
        var problems = new List<TokenProblem>();
        if (HashStringReader.Read(token.HashString, problems) is null)
        {
            throw new ArgumentException(
                "The check report and code do not make a well-formed Meldebestaetigung: " + string.Join(" ", problems.Select(p => p.Message)),
                nameof(report));
        }

        return token;
    }

    public static string Sha256Of(string hashString)
    {
        ArgumentNullException.ThrowIfNull(hashString);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(hashString)));
    }

    /// <summary><c>IBE+&lt;code&gt;+&lt;hash string&gt;+9+&lt;sha256&gt;</c>: five '+'-separated elements;
    /// the code is repeated in field 1 of the hash string and must agree with it.</summary>
    private static TokenParseResult ParseDelivered(string text, List<TokenProblem> problems)
    {
        var elements = text.Split('+');
        if (elements.Length != 5)
        {
            problems.Add(new TokenProblem(0, TokenFieldNames.Ibe, TokenProblemCodes.IbeElementCount,
                $"The delivered form is IBE+<code>+<hash string>+9+<sha256>, five elements separated by '+'; this one has {elements.Length}."));
            return new TokenParseResult(null, TokenForm.Delivered, problems, null, null);
        }

        var (code, hashString, fixedElement, sha256) = (elements[1], elements[2], elements[3], elements[4]);
        var token = HashStringReader.Read(hashString, problems);
        if (fixedElement != Meldebestaetigung.IbeFixedElement)
        {
            problems.Add(new TokenProblem(0, TokenFieldNames.IbeFixed, TokenProblemCodes.IbeFixedElement,
                $"The element after the hash string must be '{Meldebestaetigung.IbeFixedElement}'; it is {HashStringReader.Echo(fixedElement)}."));
        }

        if (code != hashString.Split('&')[0])
        {
            problems.Add(new TokenProblem(0, TokenFieldNames.IbeCode, TokenProblemCodes.IbeCodeMismatch,
                $"The IBE code {HashStringReader.Echo(code)} is not the confirmation code in field 1 of the hash string."));
        }

        if (!IsSha256(sha256))
        {
            problems.Add(new TokenProblem(0, TokenFieldNames.Sha256, TokenProblemCodes.Sha256Format,
                $"The hash value must be 64 lower-case hex characters; it is {HashStringReader.Echo(sha256)} ({sha256.Length} characters)."));
        }

        return new TokenParseResult(problems.Count == 0 ? token : null, TokenForm.Delivered, problems, hashString, sha256);
    }

    private static bool IsSha256(string value) => value.Length == 64 && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
