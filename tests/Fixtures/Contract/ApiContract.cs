using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace GenomDE.Orleans.Tests.Fixtures.Contract;

/// <summary>The checked-in OpenAPI document (docs/openapi.json) as a checker of real answers: finds
/// the operation of a request by method and path template, and says what about an answer the
/// document does not allow (status, media type, JSON body against the response schema). The
/// document is OpenAPI 3.1, so its schemas are JSON Schema 2020-12: the whole document is registered
/// as a base document, so that a response schema's <c>$ref: #/components/schemas/X</c> resolves.</summary>
public sealed partial class ApiContract
{
    public const string DocumentFile = "docs/openapi.json";

    private static readonly Uri BaseUri = new("https://contract.genomde.invalid/openapi.json");
    private static readonly Lazy<ApiContract> Loaded = new(() => new ApiContract(File.ReadAllText(DocumentPath)), LazyThreadSafetyMode.PublicationOnly);

    private readonly JsonElement _document;
    private readonly BuildOptions _build;
    private readonly List<Operation> _operations;
    private readonly Dictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _checked;

    public ApiContract(string documentJson)
    {
        _document = JsonDocument.Parse(documentJson).RootElement.Clone();
        var registry = new SchemaRegistry();
        registry.Register(BaseUri, new JsonElementBaseDocument(_document, BaseUri));
        _build = new BuildOptions { SchemaRegistry = registry };
        _operations =
        [
            .. _document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
                .Select(op => new Operation(op.Name.ToUpperInvariant(), path.Name, Template(path.Name), op.Value))),
        ];
    }

    /// <summary>The document the API serves, as checked in (see <c>OpenApiDocumentTests</c>).</summary>
    public static ApiContract Instance => Loaded.Value;

    /// <summary>How many answers of documented operations were checked (so a test can see the check is wired in).</summary>
    public long Checked => Interlocked.Read(ref _checked);

    /// <summary>docs/openapi.json of this repository, found from the test binaries upwards.</summary>
    public static string DocumentPath
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "GenomDE.Orleans.sln")))
                {
                    return Path.Combine(dir.FullName, DocumentFile);
                }
            }

            throw new DirectoryNotFoundException($"No GenomDE.Orleans.sln in any ancestor of {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>Null when the document allows the answer, or the request names no documented
    /// operation (the issuer, the login page, an unknown route); else what is wrong, naming the
    /// operation, the status and the JSON path of each violation.</summary>
    public string? Violation(string method, string path, int status, string? mediaType, string body)
    {
        var operation = Find(method, path);
        if (operation is null)
        {
            return null;
        }

        Interlocked.Increment(ref _checked);
        var name = $"{operation.Id} ({operation.Method} {operation.PathTemplate})";
        var statusKey = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.Element.GetProperty("responses").TryGetProperty(statusKey, out var response))
        {
            // A server fault other than the documented 503 (a 500 under injected faults) is for the
            // fault tests to judge; the contract covers what a working platform answers.
            if (status >= 500)
            {
                return null;
            }

            return $"{name} answered {status}, which the document does not list; body: {Shorten(body)}";
        }

        if (!response.TryGetProperty("content", out var content))
        {
            return body.Length == 0 ? null : $"{name} answered {status} with a body the document does not describe: {Shorten(body)}";
        }

        var documented = content.EnumerateObject().Select(c => c.Name).ToList();
        var media = documented.FirstOrDefault(d => string.Equals(d.Split(';')[0].Trim(), mediaType, StringComparison.OrdinalIgnoreCase));
        if (media is null)
        {
            return $"{name} answered {status} as '{mediaType}', the document lists only {string.Join(", ", documented)}.";
        }

        if (!IsJson(mediaType) || !content.GetProperty(media).TryGetProperty("schema", out _))
        {
            return null;
        }

        JsonElement instance;
        try
        {
            instance = JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException e)
        {
            return $"{name} answered {status} with a body that is not JSON ({e.Message}): {Shorten(body)}";
        }

        var pointer = $"/paths/{Escape(operation.PathTemplate)}/{operation.Method.ToLowerInvariant()}/responses/{statusKey}/content/{Escape(media)}/schema";
        var results = Schema(pointer).Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        if (results.IsValid)
        {
            return null;
        }

        return $"{name} answered {status} with a body that breaks its schema:\n{string.Join("\n", Errors(results))}\nbody: {Shorten(body)}";
    }

    /// <summary>The errors on failing paths only: a oneOf or anyOf branch that failed while another
    /// passed is no violation, so the walk descends only into results that are invalid themselves.</summary>
    private static IEnumerable<string> Errors(EvaluationResults results) => Failing(results).Distinct().Take(20);

    private static IEnumerable<string> Failing(EvaluationResults result)
    {
        if (result.IsValid)
        {
            yield break;
        }

        foreach (var (_, message) in result.Errors ?? new Dictionary<string, string>())
        {
            yield return $"  at {(result.InstanceLocation.ToString() is { Length: > 0 } at ? at : "/")} ({result.EvaluationPath}): {message}";
        }

        foreach (var line in (result.Details ?? []).SelectMany(Failing))
        {
            yield return line;
        }
    }

    /// <summary>Every operation with a JSON request body, and what about its example the request
    /// schema does not allow (null when it has an example that fits).</summary>
    public IEnumerable<(string Operation, string? Violation)> RequestExamples()
    {
        foreach (var operation in _operations)
        {
            if (!operation.Element.TryGetProperty("requestBody", out var body) || !body.GetProperty("content").TryGetProperty("application/json", out var json))
            {
                continue;
            }

            if (!json.TryGetProperty("example", out var example))
            {
                yield return (operation.Id, "no example");
                continue;
            }

            var pointer = $"/paths/{Escape(operation.PathTemplate)}/{operation.Method.ToLowerInvariant()}/requestBody/content/application~1json/schema";
            var results = Schema(pointer).Evaluate(example, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
            yield return (operation.Id, results.IsValid ? null : string.Join("; ", Errors(results)));
        }
    }

    /// <summary>The documented operation of a request: the template that matches with most literal segments.</summary>
    public Operation? Find(string method, string path) =>
        _operations.Where(o => string.Equals(o.Method, method, StringComparison.OrdinalIgnoreCase) && o.Pattern.IsMatch(path))
            .OrderByDescending(o => o.PathTemplate.Split('/').Count(s => !s.StartsWith('{')))
            .FirstOrDefault();

    private JsonSchema Schema(string pointer)
    {
        lock (_gate)
        {
            if (!_schemas.TryGetValue(pointer, out var schema))
            {
                var reference = new JsonObject
                {
                    ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                    ["$ref"] = $"{BaseUri}#{pointer}",
                };
                schema = JsonSchema.FromText(reference.ToJsonString(), _build);
                _schemas[pointer] = schema;
            }

            return schema;
        }
    }

    private static bool IsJson(string? mediaType) =>
        mediaType is not null && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>JSON Pointer escaping of one reference token, then URI fragment escaping.</summary>
    private static string Escape(string token) => Uri.EscapeDataString(token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));

    private static Regex Template(string template) =>
        new("^" + PathParameter().Replace(Regex.Escape(template).Replace("\\{", "{", StringComparison.Ordinal), "[^/]+") + "/?$", RegexOptions.CultureInvariant);

    private static string Shorten(string body) => body.Length <= 600 ? body : body[..600] + "…";

    [GeneratedRegex("\\{[^}/]+}")]
    private static partial Regex PathParameter();

    public sealed record Operation(string Method, string PathTemplate, Regex Pattern, JsonElement Element)
    {
        public string Id => Element.TryGetProperty("operationId", out var id) ? id.GetString()! : "(no operationId)";
    }
}
