namespace GenomDE.Orleans.ClientApi.OpenApi;

/// <summary>The OpenAPI document at <see cref="PlatformRoutes.OpenApiDocument"/>: the contract that
/// docs/openapi.json holds and the tests check every answer against.</summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddPlatformOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddSchemaTransformer<ContractSchemas>();
            o.AddOperationTransformer<ContractOperations>();
            o.AddOperationTransformer<RequestExamples>();
            o.AddDocumentTransformer<ContractDocument>();
        });
}
