using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GenomDE.Orleans.ClientApi.OpenApi;

/// <summary>Request examples from docs/examples (embedded in this assembly): the official artefacts
/// for the raw documents (the metadata.json of a grz-metadata valid example, a Prüfbericht, a
/// clinical metaData) and requests.json, by operation ID, for the small bodies. Never typed into
/// code, so they stay the documents the formats' owners publish; a test checks each against its schema.</summary>
public sealed class RequestExamples : IOpenApiOperationTransformer
{
    /// <summary>Operation ID → embedded example (docs/examples/…).</summary>
    private static readonly Dictionary<string, string> ByOperation = new(StringComparer.Ordinal)
    {
        ["Cases_SubmitGenomic"] = "grz-metadata.panel_tumor_only.v1.3.0.json",
        ["Cases_SubmitClinical"] = "clinical-metadata.json",
        ["Reports_Submit"] = "pruefbericht.json",
        ["Pruefbericht_Upload"] = "pruefbericht.json",
    };

    /// <summary>The small bodies' examples, by operation ID.</summary>
    private static readonly Lazy<JsonObject> Requests = new(() => Load("requests.json").AsObject());

    /// <summary>Operation ID → what the raw JSON body is.</summary>
    private static readonly Dictionary<string, string> Formats = new(StringComparer.Ordinal)
    {
        ["Cases_SubmitGenomic"] = "metadata.json of the GDC submission exactly as grz-cli writes it (grz-metadata JSON schema 1.1.1–1.3.1, https://github.com/BfArM-MVH/MVGenomseq).",
        ["Cases_SubmitClinical"] = "The clinical data set's metaData (KDK submission metadata of the model project: tanC, submission, …).",
        ["Reports_Submit"] = "A Prüfbericht (check report) as grzctl sends it: {\"SubmittedCase\": {submissionDate, submissionType, tan, submitterId, dataNodeId, diseaseType, dataCategory, libraryType, coverageType, dataQualityCheckPassed}}.",
        ["Pruefbericht_Upload"] = "A Prüfbericht (check report) as grzctl sends it: {\"SubmittedCase\": {…}}, the same as POST /api/v1/reports.",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (operation.OperationId is not { } id || operation.RequestBody?.Content?.TryGetValue("application/json", out var body) != true || body is null)
        {
            return Task.CompletedTask;
        }

        if (Formats.TryGetValue(id, out var format) && operation.RequestBody is OpenApiRequestBody requestBody)
        {
            requestBody.Description = format;
        }

        if (ByOperation.TryGetValue(id, out var file))
        {
            body.Example = Load(file);
        }
        else if (Requests.Value[id] is { } example)
        {
            body.Example = example.DeepClone();
        }

        return Task.CompletedTask;
    }

    public static JsonNode Load(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("examples/" + file)
            ?? throw new InvalidOperationException($"docs/examples/{file} is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}.");
        return JsonNode.Parse(stream)!;
    }
}
