using GenomDE.Orleans.ClientApi.Auth;
using GenomDE.Orleans.ClientApi.Contracts;
using GenomDE.Orleans.ClientApi.Limits;
using GenomDE.Orleans.ClientApi.OpenApi;
using GenomDE.Orleans.ClientApi.Problems;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Nodes;
using GenomDE.Orleans.GrainInterfaces.Nodes;

namespace GenomDE.Orleans.ClientApi.Apis;

/// <summary>Node registry: every participant may read it; only the operator changes it.</summary>
public static class NodesApi
{
    public static RouteGroupBuilder MapNodesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup($"{PlatformRoutes.ApiV1}/nodes").WithTags("Nodes");

        api.MapGet("/", ListNodes)
            .WithName("Nodes_List")
            .Produces<IReadOnlyList<NodeView>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("List all nodes, optionally by kind and status.");
        api.MapGet("/{id}", GetNode).WithName("Nodes_Get").Produces<NodeView>().ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .WithSummary("Get a node by its node ID (KDK…/GRZ…) or application ID (APP-…).");
        api.MapPost("/", Apply).RequireAuthorization(Policies.Operator)
            .WithName("Nodes_Apply").KeepsAnswers().Produces<NodeView>(StatusCodes.Status201Created).ProducesProblems(StatusCodes.Status409Conflict)
            .WithSummary("Record a node's application for approval.");
        api.MapPost("/{id}/review", (string id, NodeTransitionRequest body, HttpContext http, IGrainFactory grains) =>
            Transition(id, http, grains, (node, ctx) => node.StartReview(ctx, body.Reason)))
            .RequireAuthorization(Policies.Operator)
            .WithName("Nodes_Review").KeepsAnswers().Produces<NodeView>().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("applied → under review.");
        api.MapPost("/{id}/approve", (string id, ApproveNodeRequest body, HttpContext http, IGrainFactory grains) =>
            Transition(id, http, grains, (node, ctx) => node.Approve(ctx, body.NodeId, body.Reason), admits: true))
            .RequireAuthorization(Policies.Operator)
            .WithName("Nodes_Approve").KeepsAnswers().AnswersClient().Produces<NodeView>().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("under review → approved; assigns the official node ID and answers the node's client of the embedded issuer (client: clientId, clientSecret, tokenEndpoint).");
        api.MapPost("/{id}/suspend", (string id, NodeTransitionRequest body, HttpContext http, IGrainFactory grains) =>
            Transition(id, http, grains, (node, ctx) => node.Suspend(ctx, body.Reason)))
            .RequireAuthorization(Policies.Operator)
            .WithName("Nodes_Suspend").KeepsAnswers().Produces<NodeView>().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("approved → suspended.");
        api.MapPost("/{id}/reinstate", (string id, NodeTransitionRequest body, HttpContext http, IGrainFactory grains) =>
            Transition(id, http, grains, (node, ctx) => node.Reinstate(ctx, body.Reason)))
            .RequireAuthorization(Policies.Operator)
            .WithName("Nodes_Reinstate").KeepsAnswers().Produces<NodeView>().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("suspended → approved.");
        api.MapPost("/{id}/revoke", (string id, NodeTransitionRequest body, HttpContext http, IGrainFactory grains) =>
            Transition(id, http, grains, (node, ctx) => node.Revoke(ctx, body.Reason)))
            .RequireAuthorization(Policies.Operator)
            .WithName("Nodes_Revoke").KeepsAnswers().Produces<NodeView>().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("under review, approved or suspended → revoked (final).");
        return api;
    }

    /// <summary>Paged (<see cref="Paging"/>) in the directory's order: by node ID, applications without
    /// one after them. An application approved while a client pages moves to its node ID's place,
    /// so that walk may miss or repeat it once.</summary>
    private static async Task<IResult> ListNodes(string? kind, string? status, string? limit, string? cursor, HttpContext http, IGrainFactory grains)
    {
        if (!ApiRequest.TryParseFilter<NodeKind>(kind, "kind", out var kindFilter, out var problem)
            || !ApiRequest.TryParseFilter<NodeStatus>(status, "status", out var statusFilter, out problem)
            || !PageRequest.TryParse(limit, cursor, out var page, out problem))
        {
            return problem!;
        }

        var nodes = await grains.GetGrain<INodeDirectoryGrain>(INodeDirectoryGrain.Key).List();
        return Paging.Ok(http, Paging.Take(
            nodes.Where(n => kindFilter is null || n.Kind == kindFilter).Where(n => statusFilter is null || n.Status == statusFilter),
            n => n.NodeId ?? "~" + n.ApplicationId,
            page));
    }

    private static async Task<IResult> GetNode(string id, IGrainFactory grains) =>
        (await grains.GetGrain<INodeDirectoryGrain>(INodeDirectoryGrain.Key).Find(id)).ToHttp();

    private static async Task<IResult> Apply(NodeApplication body, HttpContext http, IGrainFactory grains)
    {
        if (!ApiRequest.TryBegin(http, out var context, out var problem))
        {
            return problem!;
        }

        var applicationId = Identifiers.ApplicationIdFor(context.RequestId);
        var result = await grains.GetGrain<INodeGrain>(applicationId).Apply(context, body);
        return result.IsSuccess
            ? TypedResults.Created($"{PlatformRoutes.ApiV1}/nodes/{applicationId}", result.Value)
            : Problem.Result(result.Error!);
    }

    private static async Task<IResult> Transition(string id, HttpContext http, IGrainFactory grains, Func<INodeGrain, CommandContext, Task<Result<NodeView>>> call, bool admits = false)
    {
        if (!ApiRequest.TryBegin(http, out var context, out var problem))
        {
            return problem!;
        }

        var applicationId = await grains.GetGrain<INodeDirectoryGrain>(INodeDirectoryGrain.Key).Resolve(id);
        if (!applicationId.IsSuccess)
        {
            return Problem.Result(applicationId.Error!);
        }

        var result = await call(grains.GetGrain<INodeGrain>(applicationId.Value!), context);
        return admits
            ? result.ToHttpWithClient(http, node => new Caller(node.Kind == NodeKind.Gdc ? ParticipantRole.Gdc : ParticipantRole.Cdn, node.NodeId!))
            : result.ToHttp();
    }
}
