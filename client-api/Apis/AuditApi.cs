using GenomDE.Orleans.ClientApi.Auth;
using GenomDE.Orleans.ClientApi.Problems;
using GenomDE.Orleans.GrainInterfaces.Audit;

namespace GenomDE.Orleans.ClientApi.Apis;

/// <summary>The audit trail: signed checkpoints for every participant to keep, verification and the
/// entries for the operator.</summary>
public static class AuditApi
{
    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup($"{PlatformRoutes.ApiV1}/audit").WithTags("Audit");
        api.MapGet("/checkpoints", async (IGrainFactory grains) => TypedResults.Ok(await Log(grains).Checkpoints()))
            .RequireAuthorization()
            .WithSummary("Every signed checkpoint (sequence number, head hash, time, ECDSA P-256 public key and signature): keep copies to prove later that the trail was not rewritten.");
        api.MapPost("/checkpoints", async (HttpContext http, IGrainFactory grains) =>
                ApiRequest.TryBegin(http, out var context, out var problem) ? (await Log(grains).Checkpoint(context)).ToHttp() : problem!)
            .RequireAuthorization(Policies.Operator)
            .Produces<AuditCheckpoint>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Operator: sign a checkpoint of the trail's current head now.");
        api.MapGet("/verify", async (IGrainFactory grains) => TypedResults.Ok(await Log(grains).Verify()))
            .RequireAuthorization(Policies.Operator)
            .WithSummary("Operator: recompute the hash chain from the first entry and check every checkpoint; names the first entry that is not what was written.");
        api.MapGet("/entries", async (long? after, int? limit, IGrainFactory grains) =>
                after is < 0 || limit is < 1 or > 1000
                    ? Problem.Result(StatusCodes.Status400BadRequest, "invalid_page", "Invalid page", "after is ≥ 0, limit 1–1000.")
                    : Results.Ok(await Log(grains).Entries(after ?? 0, limit ?? 100)))
            .RequireAuthorization(Policies.Operator)
            .Produces<IReadOnlyList<AuditEntry>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Operator: audit entries after a sequence number, oldest first.");
    }

    private static IAuditLogGrain Log(IGrainFactory grains) => grains.GetGrain<IAuditLogGrain>(0);
}
