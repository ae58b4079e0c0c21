using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using GenomDE.Orleans.ClientApi.Problems;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GenomDE.Orleans.ClientApi.OpenApi;

/// <summary>Schemas the generator cannot know from the CLR types: enums as the wire names
/// <see cref="StrictEnumConverter"/> writes, raw JSON documents as objects of an official format,
/// and problem+json with the members our problems really carry.</summary>
public sealed class ContractSchemas : IOpenApiSchemaTransformer
{
    /// <summary>The component of a raw JSON document in an official format.</summary>
    public const string RawJsonSchemaId = "RawJsonDocument";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var type = context.JsonTypeInfo.Type;
        // A nullable enum's schema is also the enum's component: null comes from the generator's
        // oneOf [null, $ref] around it, never from the component (null would then match both).
        if ((Nullable.GetUnderlyingType(type) ?? type) is { IsEnum: true } enumType)
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = [.. WireValues(enumType)];
        }
        else if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Enumerable && schema.Items is null && context.JsonTypeInfo.ElementType is { } element)
        {
            // The generator drops the item schema of a list of enums or of raw JSON: put it back.
            schema.Items = element.IsEnum ? new OpenApiSchemaReference(element.Name, context.Document)
                : element == typeof(JsonElement) ? new OpenApiSchemaReference(RawJsonSchemaId, context.Document)
                : null;
        }
        else if (type == typeof(JsonElement))
        {
            schema.Type = JsonSchemaType.Object;
            schema.Description = "A JSON document in an official format of the model project, taken as it is; the operation names the format " +
                "(metadata.json of grz-metadata, the clinical metaData, the Prüfbericht, a CloudEvent).";
        }
        else if (type == typeof(ProblemDetails))
        {
            Describe(schema);
        }

        return Task.CompletedTask;
    }

    private static IEnumerable<JsonNode> WireValues(Type enumType) =>
        StrictEnumConverter.WireNamesOf(enumType).Select(n => (JsonNode)JsonValue.Create(n));

    /// <summary>RFC 9457 as <see cref="Problem"/> writes it: <c>type</c> is
    /// <c>urn:genomde:problem:{code}</c>; a document that breaks submission rules lists them in
    /// <c>errors</c> and <c>warnings</c> (<see cref="Problem.Result(GrainInterfaces.Common.DomainError)"/>).</summary>
    private static void Describe(OpenApiSchema schema)
    {
        schema.Description = "An RFC 9457 problem. type is urn:genomde:problem:<code>; switch on it.";
        schema.Type = JsonSchemaType.Object;
        schema.Required = new HashSet<string>(["type", "title", "status", "detail"]);
        schema.Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^urn:genomde:problem:[a-z0-9_]+$", Description = "urn:genomde:problem:<code>, e.g. urn:genomde:problem:illegal_transition." },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "W3C trace ID of the request, when the problem was written by a handler." },
            ["errors"] = Findings("Every broken rule of the document, with its JSON path."),
            ["warnings"] = Findings("Rules the document should, but need not, follow."),
        };
    }

    private static OpenApiSchema Findings(string description) => new()
    {
        Type = JsonSchemaType.Array,
        Description = description,
        Items = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string>(["rule", "path", "message"]),
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["rule"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The rule's code, e.g. duplicate_run_id." },
                ["path"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "JSON path of the offending value, e.g. $.donors[0].labData[1]." },
                ["message"] = new OpenApiSchema { Type = JsonSchemaType.String },
            },
        },
    };
}
