using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;

namespace GenomDE.Orleans.ClientApi.OpenApi;

/// <summary>The OpenAPI document at <see cref="PlatformRoutes.OpenApiDocument"/>: the contract that
/// docs/openapi.json holds and the tests check every answer against.</summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddPlatformOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            // A raw JSON body's component is not named after .NET's JsonElement: generated clients
            // would clash with System.Text.Json.
            o.CreateSchemaReferenceId = t => t.Type == typeof(JsonElement) ? ContractSchemas.RawJsonSchemaId : OpenApiOptions.CreateDefaultSchemaReferenceId(t);
            o.AddSchemaTransformer<ContractSchemas>();
            o.AddOperationTransformer<ContractOperations>();
            o.AddOperationTransformer<RequestExamples>();
            o.AddDocumentTransformer<ContractDocument>();
        });
}
