using System.Text.Json;
using GenomDE.Orleans.ClientApi.Auth;
using GenomDE.Orleans.ClientApi.Contracts;
using GenomDE.Orleans.ClientApi.Limits;
using GenomDE.Orleans.ClientApi.OpenApi;
using GenomDE.Orleans.ClientApi.Problems;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Cases;

namespace GenomDE.Orleans.ClientApi.Apis;

/// <summary>A provider's (LE) cases: register, submit genomic and clinical data, read. The case
/// key is always the caller's own IK, so an LE can never reach another LE's case. Local case IDs in
/// the route are checked before any grain is asked (<see cref="PathIds"/>), and so is the one registered.</summary>
public static class CasesApi
{
    public static RouteGroupBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup($"{PlatformRoutes.ApiV1}/cases").WithTags("Cases").RequireAuthorization(Policies.Provider);
        api.MapPost("/", Register).WithName("Cases_Register").KeepsAnswers()
            .Produces<CaseView>(StatusCodes.Status201Created).ProducesProblems(StatusCodes.Status409Conflict)
            .WithSummary("Register a case under the LE's local case ID.");
        api.MapGet("/{localCaseId}", async (string localCaseId, HttpContext http, IGrainFactory grains) =>
            (await Case(grains, http, localCaseId).Get(http.User.ToCaller()!)).ToHttp())
            .WithName("Cases_Get").Produces<CaseView>().ProducesProblems(StatusCodes.Status404NotFound)
            .WithSummary("The case with its submissions and history.");
        api.MapPost("/{localCaseId}/genomic-submissions", (string localCaseId, JsonElement metadata, HttpContext http, IGrainFactory grains) =>
            Submit(http, grains, localCaseId, (c, ctx) => c.SubmitGenomic(ctx, metadata.GetRawText())))
            .WithName("Cases_SubmitGenomic").KeepsAnswers()
            .Produces<SubmissionAnswer>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .WithSummary("LE → GDC: post metadata.json (schema 1.1.1–1.3.1) exactly as grz-cli produces it.");
        api.MapPost("/{localCaseId}/clinical-submissions", (string localCaseId, JsonElement metaData, HttpContext http, IGrainFactory grains) =>
            Submit(http, grains, localCaseId, (c, ctx) => c.SubmitClinical(ctx, metaData.GetRawText())))
            .WithName("Cases_SubmitClinical").KeepsAnswers()
            .Produces<SubmissionAnswer>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .WithSummary("LE → CDN: post the clinical data set's metaData.");

        app.MapGet($"{PlatformRoutes.ApiV1}/providers/{{ik}}/cases/{{localCaseId}}", async (string ik, string localCaseId, HttpContext http, IGrainFactory grains) =>
            (await grains.GetGrain<ICaseGrain>(CaseKeys.Of(ik, localCaseId)).Get(http.User.ToCaller()!)).ToHttp())
            .WithTags("Cases").RequireAuthorization(Policies.Operator)
            .WithName("Cases_GetForProvider").Produces<CaseView>().ProducesProblems(StatusCodes.Status404NotFound)
            .WithSummary("Operator: any provider's case.");
        return api;
    }

    private static async Task<IResult> Register(RegisterCaseRequest body, HttpContext http, IGrainFactory grains)
    {
        if (!ApiRequest.TryBegin(http, out var context, out var problem))
        {
            return problem!;
        }

        if (PathIds.Check("localCaseId", body.LocalCaseId) is { } invalid)
        {
            return Problem.Result(invalid);
        }

        var result = await Case(grains, http, body.LocalCaseId).Register(context);
        return result.IsSuccess
            ? TypedResults.Created($"{PlatformRoutes.ApiV1}/cases/{Uri.EscapeDataString(body.LocalCaseId)}", result.Value)
            : Problem.Result(result.Error!);
    }

    private static async Task<IResult> Submit(HttpContext http, IGrainFactory grains, string localCaseId, Func<ICaseGrain, CommandContext, Task<Result<SubmissionAnswer>>> call)
    {
        if (!ApiRequest.TryBegin(http, out var context, out var problem))
        {
            return problem!;
        }

        var result = await call(Case(grains, http, localCaseId), context);
        return result.IsSuccess
            ? TypedResults.Created($"{PlatformRoutes.ApiV1}/cases/{Uri.EscapeDataString(localCaseId)}", result.Value)
            : Problem.Result(result.Error!);
    }

    private static ICaseGrain Case(IGrainFactory grains, HttpContext http, string localCaseId) =>
        grains.GetGrain<ICaseGrain>(CaseKeys.Of(http.User.ToCaller()!.ParticipantId, localCaseId));
}
