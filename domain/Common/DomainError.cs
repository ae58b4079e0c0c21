using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Domain.Common;

/// <summary>A rule the request broke. <see cref="Kind"/> decides the HTTP status at the edge;
/// <see cref="Code"/> is stable and machine-readable (it ends up in the problem <c>type</c>).</summary>
[GenerateSerializer, Immutable, Alias("genomde.domain-error")]
public sealed record DomainError(
    [property: Id(0)] ErrorKind Kind,
    [property: Id(1)] string Code,
    [property: Id(2)] string Title,
    [property: Id(3)] string Detail,
    [property: Id(4)] IReadOnlyList<SubmissionFinding>? Errors = null,
    [property: Id(5)] IReadOnlyList<SubmissionFinding>? Warnings = null)
{
    /// <summary>A document broke rules: every broken rule with its JSON path, plus the warnings.</summary>
    public static DomainError Unprocessable(string code, string title, string detail, IReadOnlyList<SubmissionFinding> errors, IReadOnlyList<SubmissionFinding> warnings) =>
        new(ErrorKind.Unprocessable, code, title, detail, errors, warnings);

    public static DomainError Invalid(string code, string title, string detail) => new(ErrorKind.Invalid, code, title, detail);

    public static DomainError NotFound(string code, string title, string detail) => new(ErrorKind.NotFound, code, title, detail);

    public static DomainError Conflict(string code, string title, string detail) => new(ErrorKind.Conflict, code, title, detail);

    public static DomainError Forbidden(string detail) => new(ErrorKind.Forbidden, "forbidden", "Not allowed for this participant", detail);
}

[GenerateSerializer, Alias("genomde.error-kind")]
public enum ErrorKind
{
    Invalid = 0,
    NotFound = 1,
    Conflict = 2,
    Forbidden = 3,
    Unprocessable = 4,
}
