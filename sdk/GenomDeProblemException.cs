using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenomDE.Client;

/// <summary>One finding of a refused document: a stable rule code and a JSONPath into what was sent.</summary>
public sealed record ProblemFinding(string Rule, string Path, string Message);

/// <summary>An RFC 9457 problem+json answer of the API. <see cref="Code"/> is the part after
/// <c>urn:genomde:problem:</c>, the thing to switch on.</summary>
public sealed class GenomDeProblemException : Exception
{
    private const string TypePrefix = "urn:genomde:problem:";

    public GenomDeProblemException(HttpStatusCode status, string? type, string? title, string? detail,
        IReadOnlyList<ProblemFinding>? errors = null, IReadOnlyList<ProblemFinding>? warnings = null)
        : base($"{(int)status} {title ?? status.ToString()}: {detail ?? type}")
    {
        Status = status;
        Type = type;
        Title = title;
        Detail = detail;
        Errors = errors ?? [];
        Warnings = warnings ?? [];
    }

    public HttpStatusCode Status { get; }

    public string? Type { get; }

    public string? Title { get; }

    public string? Detail { get; }

    public IReadOnlyList<ProblemFinding> Errors { get; }

    public IReadOnlyList<ProblemFinding> Warnings { get; }

    public string? Code => Type is not null && Type.StartsWith(TypePrefix, StringComparison.Ordinal) ? Type[TypePrefix.Length..] : Type;

    /// <summary>Reads a problem body; a body that is not one still gives an exception with the status.</summary>
    public static GenomDeProblemException Parse(HttpStatusCode status, string body)
    {
        try
        {
            var problem = JsonSerializer.Deserialize(body, ProblemJson.Default.ProblemBody);
            if (problem is not null)
            {
                return new GenomDeProblemException(status, problem.Type, problem.Title, problem.Detail, problem.Errors, problem.Warnings);
            }
        }
        catch (JsonException)
        {
        }

        return new GenomDeProblemException(status, null, status.ToString(), body.Length > 500 ? body[..500] : body);
    }

    public GenomDeProblemException()
        : this(HttpStatusCode.InternalServerError, null, null, null)
    {
    }

    public GenomDeProblemException(string message)
        : base(message)
    {
        Errors = [];
        Warnings = [];
    }

    public GenomDeProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
        Warnings = [];
    }
}

internal sealed record ProblemBody(string? Type, string? Title, string? Detail, int? Status, List<ProblemFinding>? Errors, List<ProblemFinding>? Warnings);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ProblemBody))]
internal sealed partial class ProblemJson : JsonSerializerContext;
