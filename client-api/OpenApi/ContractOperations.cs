using GenomDE.Orleans.ClientApi.Apis;
using GenomDE.Orleans.ClientApi.Limits;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace GenomDE.Orleans.ClientApi.OpenApi;

/// <summary>What every operation of a kind answers besides its own rules, where the pipeline decides
/// it: the security schemes and 401/403 (fallback policy: every endpoint not marked anonymous), 429
/// (rate limits cover everything), 400/413/415 for a JSON body (malformed, property twice, text too
/// long, over 1 MiB, not JSON), 400 for a route ID of a checked format (<see cref="PathIds"/>), 503
/// when storage or the cluster is unreachable, and the <c>Idempotency-Key</c> header on the requests
/// <see cref="Hosting.IdempotencyKeys"/> guards.</summary>
public sealed class ContractOperations : IOpenApiOperationTransformer
{
    public const string BearerScheme = "bearer";
    public const string OAuth2Scheme = "oauth2";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var method = description.HttpMethod ?? "GET";
        var path = "/" + description.RelativePath;
        operation.Responses ??= [];

        if (!anonymous)
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OAuth2Scheme, context.Document)] = [] },
            ];
            AddProblem(operation, context, StatusCodes.Status401Unauthorized);
            AddProblem(operation, context, StatusCodes.Status403Forbidden);
        }

        if (operation.RequestBody is not null)
        {
            AddProblem(operation, context, StatusCodes.Status400BadRequest);
            AddProblem(operation, context, StatusCodes.Status413PayloadTooLarge);
            AddProblem(operation, context, StatusCodes.Status415UnsupportedMediaType);
        }

        if (description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path && PathIds.Names.Contains(p.Name)))
        {
            AddProblem(operation, context, StatusCodes.Status400BadRequest);
        }

        var keyed = !anonymous && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);
        if (keyed)
        {
            var keeps = metadata.OfType<ContractConventions.KeepsAnswersMetadata>().Any();
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = RequestIds.Header,
                In = ParameterLocation.Header,
                Required = false,
                Description = keeps
                    ? "1–128 visible ASCII characters, scoped to the caller. A replay with the same key answers the first answer, status and body byte for byte, " +
                      "and changes nothing; the same key with another request is 422 idempotency_key_reused; while the first request still runs, 409 idempotency_key_in_flight (Retry-After: 1). " +
                      "Without the header every request is new and its answer is not kept."
                    : "1–128 visible ASCII characters, scoped to the caller. This operation keeps no answers: the key only guards against a second request with it " +
                      "while the first still runs (409 idempotency_key_in_flight, Retry-After: 1).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 128, Pattern = "^[\\x21-\\x7E]+$" },
            });
            AddProblem(operation, context, StatusCodes.Status400BadRequest);
            AddProblem(operation, context, StatusCodes.Status409Conflict);
            if (keeps)
            {
                AddProblem(operation, context, StatusCodes.Status422UnprocessableEntity);
            }
        }

        if (metadata.OfType<ContractConventions.AnswersClientMetadata>().Any())
        {
            AddClient(operation);
        }

        AddProblem(operation, context, StatusCodes.Status429TooManyRequests);
        if (path.StartsWith(PlatformRoutes.ApiV1 + "/", StringComparison.Ordinal) || path.StartsWith(PlatformRoutes.Pruefbericht + "/", StringComparison.Ordinal))
        {
            AddProblem(operation, context, StatusCodes.Status503ServiceUnavailable);
        }

        Sort(operation);
        return Task.CompletedTask;
    }

    private static void AddProblem(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = ReasonPhrases.GetReasonPhrase(status),
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [Problems.Problem.ContentType] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", context.Document) },
            },
        };
    }

    /// <summary>The view's schema and, when the embedded issuer admits the participant, its client.</summary>
    private static void AddClient(OpenApiOperation operation)
    {
        var json = operation.Responses!["200"].Content!["application/json"];
        json.Schema = new OpenApiSchema
        {
            AllOf =
            [
                json.Schema!,
                new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["client"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Description = "Only in the answer that admits the participant (approval, first registration) and only with the embedded issuer: " +
                                "its client-credentials client. Hand it over now; it is not shown again (a replay of the same request answers it again).",
                            Required = new HashSet<string>(["clientId", "clientSecret", "tokenEndpoint"]),
                            Properties = new Dictionary<string, IOpenApiSchema>
                            {
                                ["clientId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "{role}.{participantId}" },
                                ["clientSecret"] = new OpenApiSchema { Type = JsonSchemaType.String },
                                ["tokenEndpoint"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri" },
                            },
                        },
                    },
                },
            ],
        };
    }

    /// <summary>Responses by status, so the document reads (and diffs) in one order whatever added them.</summary>
    private static void Sort(OpenApiOperation operation)
    {
        var sorted = operation.Responses!.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses!.Clear();
        foreach (var (status, response) in sorted)
        {
            operation.Responses[status] = response;
        }
    }
}
