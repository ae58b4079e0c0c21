using GenomDE.Orleans.ClientApi.Auth;
using GenomDE.Orleans.ClientApi.Limits;
using GenomDE.Orleans.ClientApi.OpenApi;
using GenomDE.Orleans.ClientApi.Problems;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.GrainInterfaces.Participants;

namespace GenomDE.Orleans.ClientApi.Apis;

/// <summary>Payer (health insurer) registry, keyed by IK; the operator maintains it.</summary>
public static class PayersApi
{
    public static RouteGroupBuilder MapPayersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup($"{PlatformRoutes.ApiV1}/payers").WithTags("Payers");
        api.MapGet("/", async (string? limit, string? cursor, HttpContext http, IGrainFactory grains) =>
                PageRequest.TryParse(limit, cursor, out var page, out var problem)
                    ? Paging.Ok(http, Paging.Take(await grains.GetGrain<IPayerDirectoryGrain>(IPayerDirectoryGrain.Key).List(), p => p.Ik, page))
                    : problem!)
            .WithName("Payers_List")
            .Produces<IReadOnlyList<PayerView>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("List all registered payers, by IK; paged (limit, cursor; the next page in the Link header).");
        api.MapGet("/{ik}", GetPayer).WithName("Payers_Get").Produces<PayerView>().ProducesProblems(StatusCodes.Status404NotFound)
            .WithSummary("Get one payer by its IK.");
        api.MapPut("/{ik}", RegisterPayer).RequireAuthorization(Policies.Operator)
            .WithName("Payers_Register").KeepsAnswers().AnswersClient().Produces<PayerView>().ProducesProblems(StatusCodes.Status409Conflict)
            .WithSummary("Register a payer or update its registration; the first registration also answers its client of the embedded issuer (client: clientId, clientSecret, tokenEndpoint).");
        return api;
    }

    /// <summary>The IK's format was checked before (<see cref="PathIds"/>): no grain for a malformed one.</summary>
    private static async Task<IResult> GetPayer(string ik, IGrainFactory grains) =>
        (await grains.GetGrain<IPayerGrain>(ik).Get()).OrNotFound("unknown_payer", $"No payer with IK '{ik}' is registered.");

    private static async Task<IResult> RegisterPayer(string ik, PayerRegistration body, HttpContext http, IGrainFactory grains)
    {
        if (!ApiRequest.TryBegin(http, out var context, out var problem))
        {
            return problem!;
        }

        return (await grains.GetGrain<IPayerGrain>(ik).Register(context, body))
            .ToHttpWithClient(http, payer => payer.RegisteredAt == payer.UpdatedAt ? new Caller(ParticipantRole.Payer, payer.Ik) : null);
    }
}
