using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Domain.Common;

/// <summary>The longest free text and the longest list the platform accepts, in one place. The API
/// checks every request body against these before it calls a grain (400 <c>text_too_long</c>,
/// <c>too_many_items</c>); grains that store a text check it again (<c>TextRules</c>), so whatever
/// reaches storage, events or a report is bounded whichever way it came.</summary>
public static class InputLimits
{
    /// <summary>Names of nodes, providers and payers: the longest German hospital names have about 120 characters.</summary>
    public const int Name = 200;

    /// <summary>A node's site (city, institution).</summary>
    public const int Site = 200;

    /// <summary>Why the operator changed a node's status or revoked a token.</summary>
    public const int Reason = 500;

    /// <summary>A node's explanation of a failed basic QC; it is copied into stored replies and events.</summary>
    public const int BasicQcDetail = 2000;

    /// <summary>Labels a GDC's QC workflow reports (donor pseudonym, lab datum name, workflow
    /// version); the version reaches the quarterly report.</summary>
    public const int QcLabel = 200;

    /// <summary>A webhook URL, as browsers and proxies commonly accept.</summary>
    public const int WebhookUrl = 2048;

    /// <summary>An event type or prefix of one (the catalogue's longest has about 50 characters).</summary>
    public const int EventType = 100;

    /// <summary>A Meldebestätigung as delivered (<c>IBE+…</c>, about 140 characters) or its hash string.</summary>
    public const int Token = 512;

    /// <summary>An identifier in a body (e.g. the node ID an approval assigns); formats are checked where they are used.</summary>
    public const int Identifier = 128;

    /// <summary>Free text without a limit of its own.</summary>
    public const int Text = 500;

    /// <summary>Tokens in one claim: a case has a clinical and a genomic one, plus follow-ups.</summary>
    public const int ClaimTokens = 20;

    /// <summary>Event types one webhook subscribes to.</summary>
    public const int WebhookTypes = 64;

    /// <summary>Indications a provider is admitted for (there are three; repeats are allowed, floods not).</summary>
    public const int Indications = 10;

    /// <summary>The limit of a text field by its JSON name, for rules that know only the name.</summary>
    public static int TextFor(string field) => field switch
    {
        "name" => Name,
        "site" => Site,
        "reason" => Reason,
        "detail" => BasicQcDetail,
        "donorPseudonym" or "labDataName" or "qcWorkflowVersion" => QcLabel,
        "url" => WebhookUrl,
        "token" => Token,
        _ => Text,
    };

    /// <summary>Null when <paramref name="value"/> fits <paramref name="max"/>; else the error that
    /// names the field (<paramref name="path"/> is a JSONPath into the body, e.g. <c>$.detail</c>).</summary>
    public static DomainError? TooLong(string path, string? value, int max) =>
        value is not null && value.Length > max
            ? TooLongError(path, $"{Field(path)} has {value.Length} characters; at most {max} are allowed.")
            : null;

    /// <summary>Null when the list has at most <paramref name="max"/> items; else the error that names it.</summary>
    public static DomainError? TooMany(string path, int count, int max) =>
        count > max
            ? new DomainError(ErrorKind.Invalid, "too_many_items", "Too many items", $"{Field(path)} has {count} items; at most {max} are allowed.",
                [new Submissions.SubmissionFinding("too_many_items", path, $"at most {max} items")])
            : null;

    private static DomainError TooLongError(string path, string detail) =>
        new(ErrorKind.Invalid, "text_too_long", "Text too long", detail, [new Submissions.SubmissionFinding("text_too_long", path, detail)]);

    private static string Field(string path) => $"'{(path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path)}'";
}
