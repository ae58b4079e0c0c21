using GenomDE.Orleans.ClientApi.Auth;
using GenomDE.Orleans.ClientApi.Limits;
using GenomDE.Orleans.ClientApi.OpenApi;
using GenomDE.Orleans.ClientApi.Problems;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.GrainInterfaces.Participants;

namespace GenomDE.Orleans.ClientApi.Apis;

/// <summary>Service provider (LE) registry, keyed by IK; the operator maintains it.</summary>
public static class ProvidersApi
{
    public static RouteGroupBuilder MapProvidersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup($"{PlatformRoutes.ApiV1}/providers").WithTags("Providers");
        api.MapGet("/", async (string? limit, string? cursor, HttpContext http, IGrainFactory grains) =>
                PageRequest.TryParse(limit, cursor, out var page, out var problem)
                    ? Paging.Ok(http, Paging.Take(await grains.GetGrain<IProviderDirectoryGrain>(IProviderDirectoryGrain.Key).List(), p => p.Ik, page))
                    : problem!)
            .WithName("Providers_List")
            .Produces<IReadOnlyList<ProviderView>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("List all registered service providers (LE), by IK; paged (limit, cursor; the next page in the Link header).");
        api.MapGet("/{ik}", GetProvider).WithName("Providers_Get").Produces<ProviderView>().ProducesProblems(StatusCodes.Status404NotFound)
            .WithSummary("Get one provider by its IK.");
        api.MapPut("/{ik}", RegisterProvider).RequireAuthorization(Policies.Operator)
            .WithName("Providers_Register").KeepsAnswers().AnswersClient().Produces<ProviderView>().ProducesProblems(StatusCodes.Status409Conflict)
            .WithSummary("Register a provider or update its registration; the first registration also answers its client of the embedded issuer (client: clientId, clientSecret, tokenEndpoint).");
        return api;
    }

    /// <summary>The IK's format was checked before (<see cref="PathIds"/>): no grain for a malformed one.</summary>
    private static async Task<IResult> GetProvider(string ik, IGrainFactory grains) =>
        (await grains.GetGrain<IProviderGrain>(ik).Get()).OrNotFound("unknown_provider", $"No provider with IK '{ik}' is registered.");

    private static async Task<IResult> RegisterProvider(string ik, ProviderRegistration body, HttpContext http, IGrainFactory grains)
    {
        if (!ApiRequest.TryBegin(http, out var context, out var problem))
        {
            return problem!;
        }

        return (await grains.GetGrain<IProviderGrain>(ik).Register(context, body))
            .ToHttpWithClient(http, provider => provider.RegisteredAt == provider.UpdatedAt ? new Caller(ParticipantRole.Provider, provider.Ik) : null);
    }
}
