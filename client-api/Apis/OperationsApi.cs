using GenomDE.Orleans.ClientApi.Auth;
using GenomDE.Orleans.ClientApi.Contracts;
using GenomDE.Orleans.ClientApi.OpenApi;
using GenomDE.Orleans.ClientApi.Problems;
using GenomDE.Orleans.Domain.Common;

namespace GenomDE.Orleans.ClientApi.Apis;

/// <summary>Operator tools for running the cluster. State lives in storage, so deactivating idle
/// grains frees silo memory without losing anything: the next call reactivates from storage.</summary>
public static class OperationsApi
{
    private const int MaxIdleSeconds = 7 * 24 * 3600;

    public static void MapOperationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup($"{PlatformRoutes.ApiV1}/operations").WithTags("Operations").RequireAuthorization(Policies.Operator);
        api.MapPost("/deactivate-idle", async (DeactivateIdleRequest body, IGrainFactory grains) =>
        {
            if (body.IdleSeconds is < 0 or > MaxIdleSeconds)
            {
                return Problem.Result(StatusCodes.Status400BadRequest, "invalid_idle_seconds", "Invalid idle time", $"idleSeconds is 0–{MaxIdleSeconds}.");
            }

            var management = grains.GetGrain<IManagementGrain>(0);
            var before = await management.GetTotalActivationCount();
            await management.ForceActivationCollection(TimeSpan.FromSeconds(body.IdleSeconds));
            return TypedResults.Ok(new DeactivateIdleResult(before, await management.GetTotalActivationCount()));
        }).WithName("Operations_DeactivateIdle").Produces<DeactivateIdleResult>().ProducesProblems(StatusCodes.Status400BadRequest)
            .WithSummary("Operator: deactivate grains idle for at least idleSeconds on every silo (frees memory; state stays in storage).");
    }
}
