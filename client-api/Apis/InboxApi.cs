using System.Text.Json;
using GenomDE.Orleans.ClientApi.Auth;
using GenomDE.Orleans.ClientApi.Contracts;
using GenomDE.Orleans.ClientApi.Limits;
using GenomDE.Orleans.ClientApi.OpenApi;
using GenomDE.Orleans.ClientApi.Problems;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Cases;

namespace GenomDE.Orleans.ClientApi.Apis;

/// <summary>A node's side: the submissions routed to it, receipt, basic QC and check reports.
/// The inbox is always the caller's own, so a node never sees submissions routed elsewhere.</summary>
public static class InboxApi
{
    public static RouteGroupBuilder MapInboxApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(PlatformRoutes.ApiV1).WithTags("Inbox and reports").RequireAuthorization(Policies.Node);
        api.MapGet("/inbox", async (string? limit, string? cursor, HttpContext http, IGrainFactory grains) =>
        {
            if (!PageRequest.TryParse(limit, cursor, out var page, out var problem))
            {
                return problem!;
            }

            var shards = await Task.WhenAll(INodeInboxGrain.KeysOf(http.User.ToCaller()!.ParticipantId).Select(k => grains.GetGrain<INodeInboxGrain>(k).List()));
            // The submissions only: the case key names the hospital's case, which the node does not need.
            var entries = Paging.Take(shards.SelectMany(s => s), e => Paging.TimeKey(e.Submission.SubmittedAt, e.Submission.Tan.ToLowerInvariant()), page);
            return Paging.Ok(http, new Page<SubmissionView>([.. entries.Items.Select(e => e.Submission)], entries.NextCursor));
        })
            .WithName("Inbox_List")
            .Produces<IReadOnlyList<SubmissionView>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The calling node's open work, oldest first: submissions routed to it whose check report is not in yet; paged (limit, cursor; the next page in the Link header).");
        api.MapPost("/inbox/{tan}/receipt", (string tan, HttpContext http, IGrainFactory grains) =>
            OnSubmission(http, grains, tan, (c, ctx) => c.AcknowledgeReceipt(ctx, tan)))
            .WithName("Inbox_AcknowledgeReceipt").KeepsAnswers().Produces<SubmissionView>().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Confirm that the data of a submission arrived.");
        api.MapPost("/inbox/{tan}/basic-qc", (string tan, BasicQcRequest body, HttpContext http, IGrainFactory grains) =>
            OnSubmission(http, grains, tan, (c, ctx) => c.ReportBasicQc(ctx, tan, new BasicQcOutcome(body.Passed, body.FailureReason, body.Detail))))
            .WithName("Inbox_ReportBasicQc").KeepsAnswers().Produces<SubmissionView>().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Report basic QC: passed, or failed with one of grz-db's failure reasons.");
        api.MapPost("/inbox/{tan}/detailed-qc", (string tan, DetailedQcReport body, HttpContext http, IGrainFactory grains) =>
            OnSubmission(http, grains, tan, (c, ctx) => c.ReportDetailedQc(ctx, tan, body)))
            .WithName("Inbox_ReportDetailedQc").KeepsAnswers().Produces<SubmissionView>().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("GDC: recomputed metrics of one lab datum of a submission picked for detailed QC.");
        api.MapPost("/reports", SubmitReport).WithName("Reports_Submit").KeepsAnswers()
            .Produces<SubmissionView>().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Send a Prüfbericht (check report): {\"SubmittedCase\": {...}}.");

        // grzctl (grz-tools) posts each Prüfbericht to "<pruefbericht.api_base_url>/upload" with a
        // client-credentials token and no idempotency key: the same intake under that path.
        app.MapGroup(PlatformRoutes.Pruefbericht).WithTags("Inbox and reports").RequireAuthorization(Policies.Node)
            .MapPost("/upload", SubmitReport)
            .WithName("Pruefbericht_Upload").KeepsAnswers()
            .Produces<SubmissionView>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .WithSummary("grzctl's Prüfbericht upload (pruefbericht.api_base_url = <platform>/pruefbericht): the same intake as POST /api/v1/reports.");
        return api;
    }

    private static async Task<IResult> SubmitReport(JsonElement report, HttpContext http, IGrainFactory grains)
    {
        if (!ApiRequest.TryBegin(http, out var context, out var problem))
        {
            return problem!;
        }

        return (await grains.GetGrain<ICheckReportIntakeGrain>(0).Submit(context, report.GetRawText())).ToHttp();
    }

    private static async Task<IResult> OnSubmission<T>(HttpContext http, IGrainFactory grains, string tan, Func<ICaseGrain, CommandContext, Task<Result<T>>> call)
    {
        if (!ApiRequest.TryBegin(http, out var context, out var problem))
        {
            return problem!;
        }

        var caseKey = await grains.GetGrain<ISubmissionLocatorGrain>(ISubmissionLocatorGrain.KeyOf(context.Caller.ParticipantId, tan)).Find();
        if (caseKey is null)
        {
            return Problem.Result(StatusCodes.Status404NotFound, "unknown_submission", "Unknown submission", $"No submission with TAN {tan} was routed to {context.Caller.ParticipantId}.");
        }

        return (await call(grains.GetGrain<ICaseGrain>(caseKey), context)).ToHttp();
    }
}
