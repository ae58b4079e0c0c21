namespace GenomDE.Orleans.ClientApi.Apis;

/// <summary>Liveness (the process answers) and readiness (the cluster has an active silo).</summary>
public static class HealthApi
{
    public static void MapHealthApi(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health").AllowAnonymous();
        health.MapGet("/live", () => TypedResults.Ok(new HealthReport("live", null)));
        health.MapGet("/ready", async Task<IResult> (IGrainFactory grains, CancellationToken cancellation) =>
        {
            try
            {
                var hosts = grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellation);
                var silos = await hosts.WaitAsync(TimeSpan.FromSeconds(5), cancellation);
                return silos.Count > 0
                    ? TypedResults.Ok(new HealthReport("ready", silos.Count))
                    : TypedResults.Json(new HealthReport("no active silo", 0), statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            catch (Exception e) when (e is TimeoutException or OrleansException or InvalidOperationException)
            {
                return TypedResults.Json(new HealthReport($"cluster unreachable: {e.GetType().Name}", null), statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
    }

    public sealed record HealthReport(string Status, int? ActiveSilos);
}
