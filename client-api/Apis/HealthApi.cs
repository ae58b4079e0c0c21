using GenomDE.Orleans.ClientApi.Hosting;

namespace GenomDE.Orleans.ClientApi.Apis;

/// <summary>Liveness (the process answers) and readiness (the cluster has an active silo).</summary>
public static class HealthApi
{
    public static void MapHealthApi(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health").AllowAnonymous();
        health.MapGet("/live", () => TypedResults.Ok(new HealthReport("live", null))).WithName("Health_Live")
            .WithSummary("The process answers.");
        health.MapGet("/ready", async (ReadinessProbe probe) =>
        {
            var readiness = await probe.Get();
            return TypedResults.Json(readiness.Report, statusCode: readiness.StatusCode);
        }).WithName("Health_Ready").Produces<HealthReport>().Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("The cluster has an active silo (200), or not (503 with the reason in status).");
    }

    public sealed record HealthReport(string Status, int? ActiveSilos);
}
