namespace GenomDE.Orleans.ClientApi;

public static class PlatformRoutes
{
    public const string ApiV1 = "/api/v1";
    public const string Dashboard = "/dashboard";

    /// <summary>The base URL grzctl is configured with (<c>pruefbericht.api_base_url</c>).</summary>
    public const string Pruefbericht = "/pruefbericht";
    public const string Docs = "/docs";
    public const string OpenApiDocument = "/openapi/v1.json";

    /// <summary>Largest accepted request body: metadata.json files are tens of kilobytes.</summary>
    public const long MaxBodyBytes = 1024 * 1024;
}
