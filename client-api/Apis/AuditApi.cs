using System.Globalization;
using GenomDE.Orleans.ClientApi.Auth;
using GenomDE.Orleans.ClientApi.OpenApi;
using GenomDE.Orleans.ClientApi.Problems;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Audit;

namespace GenomDE.Orleans.ClientApi.Apis;

/// <summary>The audit trail: signed checkpoints for every participant to keep, verification and the
/// entries for the operator, inclusion proofs for the operator and for each participant of the
/// entries it made.</summary>
public static class AuditApi
{
    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup($"{PlatformRoutes.ApiV1}/audit").WithTags("Audit");
        api.MapGet("/checkpoints", async (IGrainFactory grains) => TypedResults.Ok(await Log(grains).Checkpoints()))
            .RequireAuthorization()
            .WithName("Audit_Checkpoints").Produces<IReadOnlyList<AuditCheckpoint>>()
            .WithSummary("Every signed checkpoint (sequence number, head hash, time, ECDSA P-256 public key and signature): keep copies to prove later that the trail was not rewritten.");
        api.MapPost("/checkpoints", async (HttpContext http, IGrainFactory grains) =>
                ApiRequest.TryBegin(http, out var context, out var problem) ? (await Log(grains).Checkpoint(context)).ToHttp() : problem!)
            .RequireAuthorization(Policies.Operator)
            .WithName("Audit_Checkpoint").KeepsAnswers()
            .Produces<AuditCheckpoint>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Operator: sign a checkpoint of the trail's current head now.");
        api.MapGet("/verify", async (IGrainFactory grains) => TypedResults.Ok(await Log(grains).Verify()))
            .RequireAuthorization(Policies.Operator)
            .WithName("Audit_Verify").Produces<AuditVerification>()
            .WithSummary("Operator: recompute the hash chain from the first entry and check every checkpoint; names the first entry that is not what was written.");
        api.MapGet("/entries", async (long? after, int? limit, IGrainFactory grains) =>
                after is < 0 || limit is < 1 or > 1000
                    ? Problem.Result(StatusCodes.Status400BadRequest, "invalid_page", "Invalid page", "after is ≥ 0, limit 1–1000.")
                    : Results.Ok(await Log(grains).Entries(after ?? 0, limit ?? 100)))
            .RequireAuthorization(Policies.Operator)
            .WithName("Audit_Entries")
            .Produces<IReadOnlyList<AuditEntry>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Operator: audit entries after a sequence number, oldest first.");
        api.MapGet("/entries/{seq}/proof", Proof)
            .RequireAuthorization()
            .WithName("Audit_Proof")
            .Produces<AuditProof>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Inclusion proof of one entry (RFC 9162 Merkle audit path) against a signed checkpoint: ?checkpoint={seq} of one, " +
                "default the latest that covers the entry. The operator's for any entry, a participant's for the entries it made; " +
                "404 when the entry is unknown (or another's) or no checkpoint covers it yet.");
    }

    /// <summary>Numbers come in as text so that a malformed one is our 400 problem, not the binder's.</summary>
    private static async Task<IResult> Proof(string seq, string? checkpoint, HttpContext http, IGrainFactory grains)
    {
        if (!TryPositive(seq, out var entrySeq))
        {
            return Problem.Result(StatusCodes.Status400BadRequest, "invalid_seq", "Invalid sequence number", $"'{seq}' is not an entry's sequence number (1, 2, 3, …).");
        }

        long? checkpointSeq = null;
        if (checkpoint is not null)
        {
            if (!TryPositive(checkpoint, out var at))
            {
                return Problem.Result(StatusCodes.Status400BadRequest, "invalid_checkpoint", "Invalid checkpoint",
                    $"checkpoint is a checkpoint's sequence number (1, 2, 3, …), not '{checkpoint}'; leave it out for the latest that covers the entry.");
            }

            checkpointSeq = at;
        }

        if (http.User.ToCaller() is not { } caller)
        {
            return Problem.Result(StatusCodes.Status403Forbidden, "forbidden", "Not allowed for this participant", "The token carries no known participant role.");
        }

        return (await Log(grains).Proof(caller, entrySeq, checkpointSeq)).ToHttp();
    }

    private static bool TryPositive(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;

    private static IAuditLogGrain Log(IGrainFactory grains) => grains.GetGrain<IAuditLogGrain>(0);
}
