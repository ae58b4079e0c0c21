using GenomDE.Orleans.ClientApi.Hosting;

namespace GenomDE.Orleans.ClientApi.Apis;

/// <summary>Liveness (the process answers) and readiness (the cluster has an active silo).</summary>
public static class HealthApi
{
    public static void MapHealthApi(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health").AllowAnonymous();
        health.MapGet("/live", () => TypedResults.Ok(new HealthReport("live", null)));
        health.MapGet("/ready", async (ReadinessProbe probe) =>
        {
            var readiness = await probe.Get();
            return TypedResults.Json(readiness.Report, statusCode: readiness.StatusCode);
        });
    }

    public sealed record HealthReport(string Status, int? ActiveSilos);
}
