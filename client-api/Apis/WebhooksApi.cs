using GenomDE.Orleans.ClientApi.Auth;
using GenomDE.Orleans.ClientApi.Contracts;
using GenomDE.Orleans.ClientApi.Limits;
using GenomDE.Orleans.ClientApi.OpenApi;
using GenomDE.Orleans.ClientApi.Problems;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Webhooks;

namespace GenomDE.Orleans.ClientApi.Apis;

/// <summary>Webhooks (Standard Webhooks 1.0): a participant registers up to 10 endpoints and gets
/// its events pushed, signed with the endpoint's <c>whsec_…</c> secret. Each participant only ever
/// sees its own endpoints; another participant's ID is a 404, as if it did not exist.</summary>
public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup($"{PlatformRoutes.ApiV1}/webhooks").WithTags("Webhooks");
        api.MapPost("/", Create).WithName("Webhooks_Create").KeepsAnswers()
            .Produces<WebhookWithSecret>(StatusCodes.Status201Created).ProducesProblems(StatusCodes.Status409Conflict)
            .WithSummary("Register an endpoint {url, types[]}; the answer carries its secret, shown only here.");
        api.MapGet("/", List)
            .WithName("Webhooks_List")
            .Produces<IReadOnlyList<WebhookView>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The caller's own endpoints, oldest first; paged (limit, cursor; the next page in the Link header).");
        api.MapGet("/{id}", (string id, HttpContext http, IGrainFactory grains) =>
            OnEndpoint(id, http, grains, (endpoint, caller) => endpoint.Get(caller)))
            .WithName("Webhooks_Get").Produces<WebhookView>().ProducesProblems(StatusCodes.Status404NotFound)
            .WithSummary("One of the caller's endpoints.");
        api.MapDelete("/{id}", (string id, HttpContext http, IGrainFactory grains) =>
            OnEndpoint(id, http, grains, (_, caller) => grains.GetGrain<IWebhookRegistryGrain>(IWebhookRegistryGrain.KeyOf(caller)).Delete(caller, id)))
            .WithName("Webhooks_Delete").Produces<WebhookView>().ProducesProblems(StatusCodes.Status404NotFound)
            .WithSummary("Delete an endpoint: delivery stops.");
        api.MapPost("/{id}/rotate-secret", RotateSecret)
            .WithName("Webhooks_RotateSecret").KeepsAnswers().Produces<WebhookWithSecret>().ProducesProblems(StatusCodes.Status404NotFound)
            .WithSummary("A new secret (answered once); the previous one keeps signing alongside for 24 h.");
        api.MapGet("/{id}/deliveries", (string id, HttpContext http, IGrainFactory grains) =>
            OnEndpoint(id, http, grains, (endpoint, caller) => endpoint.Deliveries(caller)))
            .WithName("Webhooks_Deliveries").Produces<IReadOnlyList<WebhookDelivery>>().ProducesProblems(StatusCodes.Status404NotFound)
            .WithSummary("The latest delivery attempts, newest first: event, webhook-id, attempt, time, HTTP status or error, latency.");
        return api;
    }

    private static async Task<IResult> List(string? limit, string? cursor, HttpContext http, IGrainFactory grains)
    {
        if (Caller(http) is not { } caller)
        {
            return Forbidden();
        }

        if (!PageRequest.TryParse(limit, cursor, out var page, out var problem))
        {
            return problem!;
        }

        var endpoints = await grains.GetGrain<IWebhookRegistryGrain>(IWebhookRegistryGrain.KeyOf(caller)).List(caller);
        return Paging.Ok(http, Paging.Take(endpoints, w => Paging.TimeKey(w.CreatedAt, w.Id), page));
    }

    private static async Task<IResult> Create(WebhookRequest body, HttpContext http, IGrainFactory grains)
    {
        if (!ApiRequest.TryBegin(http, out var context, out var problem))
        {
            return problem!;
        }

        var result = await grains.GetGrain<IWebhookRegistryGrain>(IWebhookRegistryGrain.KeyOf(context.Caller))
            .Create(context, new WebhookRegistration(body.Url, body.Types));
        return result.IsSuccess
            ? TypedResults.Created($"{PlatformRoutes.ApiV1}/webhooks/{result.Value!.Webhook.Id}", result.Value)
            : Problem.Result(result.Error!);
    }

    private static async Task<IResult> RotateSecret(string id, HttpContext http, IGrainFactory grains)
    {
        if (!ApiRequest.TryBegin(http, out var context, out var problem))
        {
            return problem!;
        }

        return IWebhookEndpointGrain.IsWellFormedId(id)
            ? (await grains.GetGrain<IWebhookEndpointGrain>(id).RotateSecret(context)).ToHttp()
            : Unknown(id);
    }

    private static async Task<IResult> OnEndpoint<T>(string id, HttpContext http, IGrainFactory grains, Func<IWebhookEndpointGrain, Caller, Task<Result<T>>> call)
    {
        if (Caller(http) is not { } caller)
        {
            return Forbidden();
        }

        // A malformed ID cannot exist: answer as for any unknown one, without activating a grain.
        return IWebhookEndpointGrain.IsWellFormedId(id) ? (await call(grains.GetGrain<IWebhookEndpointGrain>(id), caller)).ToHttp() : Unknown(id);
    }

    private static Caller? Caller(HttpContext http) => http.User.ToCaller();

    private static IResult Unknown(string id) =>
        Problem.Result(StatusCodes.Status404NotFound, "unknown_webhook", "Unknown webhook", $"No webhook '{id}' exists for this participant.");

    private static IResult Forbidden() =>
        Problem.Result(StatusCodes.Status403Forbidden, "forbidden", "Not allowed for this participant", "The token carries no known participant role.");
}
