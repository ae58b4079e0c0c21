using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Nodes;
using GenomDE.Orleans.GrainInterfaces.Common;
using GenomDE.Orleans.GrainInterfaces.Events;
using GenomDE.Orleans.GrainInterfaces.Nodes;
using GenomDE.Orleans.Grains.Common;
using GenomDE.Orleans.Grains.Events;

namespace GenomDE.Orleans.Grains.Nodes;

[GrainType("node")]
public sealed class NodeGrain(
    [PersistentState("node", StorageNames.Platform)] IPersistentState<NodeState> state,
    TimeProvider clock,
    OutboxRelay relay) : Grain, INodeGrain, IOutboxGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        relay.Attach(this, () => state.State.Outbox, () => state.State.Node is { } node ? Directory.Upsert(node) : Task.CompletedTask);
        return Task.CompletedTask;
    }

    public Task FlushOutbox() => relay.FlushOwedAsync();

    private string ApplicationId => this.GetPrimaryKeyString();

    private INodeDirectoryGrain Directory => GrainFactory.GetGrain<INodeDirectoryGrain>(INodeDirectoryGrain.Key);

    public Task<NodeView?> Get() => Task.FromResult(state.State.Node);

    public Task<Result<NodeView>> Apply(CommandContext context, NodeApplication application) =>
        Execute(context, $"apply|{application}", current =>
        {
            if (NodeLifecycle.Check(current?.Status, NodeCommand.Apply) is { } illegal)
            {
                return Task.FromResult<Result<NodeView>>(illegal);
            }

            if ((TextRules.Required(application.Name, "name") ?? TextRules.Required(application.Site, "site")) is { } invalid)
            {
                return Task.FromResult<Result<NodeView>>(invalid);
            }

            var applied = new NodeTransition(null, NodeStatus.Applied, "application received", clock.GetUtcNow(), context.Caller.ParticipantId);
            var node = new NodeView(ApplicationId, null, application.Kind, application.Name.Trim(), application.Site.Trim(), NodeStatus.Applied, null, [applied]);
            return Task.FromResult(Result<NodeView>.Success(node));
        });

    public Task<Result<NodeView>> StartReview(CommandContext context, string reason) =>
        Move(context, NodeCommand.Review, reason);

    public Task<Result<NodeView>> Approve(CommandContext context, string nodeId, string reason) =>
        Execute(context, $"approve|{nodeId}|{reason}", async current =>
        {
            if (current is null)
            {
                return UnknownApplication();
            }

            if (Identifiers.ValidateNodeId(current.Kind, nodeId) is { } invalidId)
            {
                return invalidId;
            }

            var moved = NodeLifecycle.Apply(current, NodeCommand.Approve, reason, clock.GetUtcNow(), context.Caller.ParticipantId);
            if (!moved.IsSuccess)
            {
                return moved;
            }

            if (!await Directory.ClaimNodeId(nodeId, ApplicationId))
            {
                return DomainError.Conflict("node_id_taken", "Node ID already assigned", $"The node ID '{nodeId}' already belongs to another node.");
            }

            return Result<NodeView>.Success(moved.Value! with { NodeId = nodeId, NodeIdIsOfficial = true });
        });

    public Task<Result<NodeView>> Suspend(CommandContext context, string reason) =>
        Move(context, NodeCommand.Suspend, reason);

    public Task<Result<NodeView>> Reinstate(CommandContext context, string reason) =>
        Move(context, NodeCommand.Reinstate, reason);

    public Task<Result<NodeView>> Revoke(CommandContext context, string reason) =>
        Move(context, NodeCommand.Revoke, reason);

    public async Task<Result<NodeView>> Seed(NodeSeed seed)
    {
        if (state.State.Node is { } existing)
        {
            return Result<NodeView>.Success(existing);
        }

        if (Identifiers.ValidateNodeId(seed.Application.Kind, seed.NodeId) is { } invalidId)
        {
            return invalidId;
        }

        if (!await Directory.ClaimNodeId(seed.NodeId, ApplicationId))
        {
            return DomainError.Conflict("node_id_taken", "Node ID already assigned", $"The node ID '{seed.NodeId}' already belongs to another node.");
        }

        const string by = "seed";
        NodeTransition[] history =
        [
            new(null, NodeStatus.Applied, "approved before the platform started (seed document)", seed.ApprovedAt, by),
            new(NodeStatus.Applied, NodeStatus.UnderReview, "reviewed before the platform started (seed document)", seed.ApprovedAt, by),
            new(NodeStatus.UnderReview, NodeStatus.Approved, "approved as of the seed document", seed.ApprovedAt, by),
        ];
        var node = new NodeView(
            ApplicationId, seed.NodeId, seed.Application.Kind, seed.Application.Name, seed.Application.Site,
            NodeStatus.Approved, seed.NodeIdIsOfficial, history);
        await state.UpdateAsync(s =>
        {
            if (s.Node is not null)
            {
                return false; // another silo's seeder was first
            }

            Emit(s, null, node);
            s.Node = node;
            return true;
        });
        await relay.FlushAsync(() => Directory.Upsert(state.State.Node!));
        return Result<NodeView>.Success(state.State.Node!);
    }

    private Task<Result<NodeView>> Move(CommandContext context, NodeCommand command, string reason) =>
        Execute(context, $"{command}|{reason}", current => Task.FromResult(
            current is null
                ? UnknownApplication()
                : NodeLifecycle.Apply(current, command, reason, clock.GetUtcNow(), context.Caller.ParticipantId)));

    /// <summary>Runs one operator command: authorize, answer replays from the stored replies,
    /// decide, then persist the new node together with the reply in one write.</summary>
    private async Task<Result<NodeView>> Execute(CommandContext context, string fingerprint, Func<NodeView?, Task<Result<NodeView>>> decide)
    {
        if (!context.Caller.IsOperator)
        {
            return DomainError.Forbidden("Only the platform operator changes a node's approval.");
        }

        for (var attempt = 1; attempt <= ConsistentWrites.Attempts; attempt++)
        {
            if (state.State.Replies.Find(context, fingerprint) is { } replay)
            {
                // The first attempt may have stored its change but died before the directory heard of it.
                return await relay.FlushOwedAsync() ? replay : DirectoryBehind<NodeView>();
            }

            var result = await decide(state.State.Node);
            if (!result.IsSuccess)
            {
                return result;
            }

            Emit(state.State, state.State.Node, result.Value!);
            state.State.Node = result.Value;
            state.State.Replies.Remember(context, fingerprint, result);
            if (await state.TryWriteAsync())
            {
                return await relay.FlushAsync(() => Directory.Upsert(result.Value!)) ? result : DirectoryBehind<NodeView>();
            }

            // Another activation wrote first: let the directory see what it stored, then decide again on it.
            if (state.State.Node is { } winner)
            {
                await Directory.Upsert(winner);
            }
        }

        return DomainError.Conflict("concurrent_update", "Concurrent update", $"Node '{ApplicationId}' kept changing during this request; retry with the same Idempotency-Key.");
    }

    /// <summary>Node commands answer only once the directory knows the change: the operator's next
    /// command finds the node through it, and submissions ask it whether the node is approved. So a
    /// directory that could not be told fails the command with the reason (a timeout: 503
    /// cluster_unavailable; its storage: 503 storage_unavailable); the retry with the same key answers
    /// the stored reply once the directory has caught up. Cases, by contrast, answer at once and let
    /// their effects follow.</summary>
    private Result<T> DirectoryBehind<T>()
    {
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(relay.LastFailure ?? new StorageUnavailableException("The node directory could not be updated yet. Retry with the same Idempotency-Key."));
        return default!;
    }

    /// <summary>One event per lifecycle transition; the node itself hears of it once it has its ID.</summary>
    private void Emit(NodeState s, NodeView? before, NodeView after)
    {
        relay.Prune(s.Outbox);
        var what = (before?.Status, after.Status) switch
        {
            (null, NodeStatus.Approved) => "approved",
            (null, _) => "applied",
            (NodeStatus.Suspended, NodeStatus.Approved) => "reinstated",
            (NodeStatus.UnderReview, NodeStatus.Revoked) => "refused",
            (_, NodeStatus.UnderReview) => "under_review",
            (_, var status) => status.ToString().ToLowerInvariant(),
        };
        var data = new Dictionary<string, string?> { ["applicationId"] = ApplicationId, ["kind"] = after.Kind.ToString().ToLowerInvariant(), ["status"] = after.Status.ToString().ToLowerInvariant() };
        if (after.NodeId is { } nodeId)
        {
            data["nodeId"] = nodeId;
        }

        s.Outbox.Emit($"/genomde/nodes/{ApplicationId}", ApplicationId, clock.GetUtcNow(),
            new EventDraft("node", what, after.NodeId ?? ApplicationId, data, after.NodeId is { } id ? [Audiences.Node(id)] : []));
    }

    private Result<NodeView> UnknownApplication() =>
        DomainError.NotFound("unknown_node", "Unknown node", $"No node application '{ApplicationId}' exists.");
}
