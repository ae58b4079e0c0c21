using GenomDE.Orleans.GrainInterfaces.Common;
using GenomDE.Orleans.GrainInterfaces.Nodes;

namespace GenomDE.Orleans.Grains.Domain;

/// <summary>The node approval state machine: applied → under review → approved ⇄ suspended → revoked.
/// An application under review can also be refused, which ends it as revoked.</summary>
public static class NodeLifecycle
{
    private static readonly Dictionary<NodeStatus, NodeStatus[]> Allowed = new()
    {
        [NodeStatus.Applied] = [NodeStatus.UnderReview],
        [NodeStatus.UnderReview] = [NodeStatus.Approved, NodeStatus.Revoked],
        [NodeStatus.Approved] = [NodeStatus.Suspended, NodeStatus.Revoked],
        [NodeStatus.Suspended] = [NodeStatus.Approved, NodeStatus.Revoked],
        [NodeStatus.Revoked] = [],
    };

    public static bool CanMove(NodeStatus? from, NodeStatus to) =>
        from is { } current ? Allowed[current].Contains(to) : to == NodeStatus.Applied;

    /// <summary>Null when the move is legal, else the 409 that names it ("approved → applied").</summary>
    public static DomainError? Check(NodeStatus? from, NodeStatus to) => CanMove(from, to)
        ? null
        : DomainError.Conflict(
            "illegal_transition",
            "Illegal node transition",
            $"A node cannot move {Describe(from)} → {Describe(to)}.");

    public static string Describe(NodeStatus? status) => status switch
    {
        null => "(none)",
        NodeStatus.Applied => "applied",
        NodeStatus.UnderReview => "under review",
        NodeStatus.Approved => "approved",
        NodeStatus.Suspended => "suspended",
        NodeStatus.Revoked => "revoked",
        _ => status.ToString()!,
    };

    /// <summary>Moves <paramref name="node"/> to <paramref name="to"/>, recording why, when and by whom.</summary>
    public static Result<NodeView> Move(NodeView node, NodeStatus to, string reason, DateTimeOffset at, string by)
    {
        if (Check(node.Status, to) is { } illegal)
        {
            return illegal;
        }

        if (TextRules.Required(reason, "reason") is { } missing)
        {
            return missing;
        }

        var step = new NodeTransition(node.Status, to, reason.Trim(), at, by);
        return Result<NodeView>.Success(node with { Status = to, History = [.. node.History, step] });
    }

    /// <summary>Back from suspension; unlike approval it is only legal from suspended.</summary>
    public static Result<NodeView> Reinstate(NodeView node, string reason, DateTimeOffset at, string by) =>
        node.Status == NodeStatus.Suspended
            ? Move(node, NodeStatus.Approved, reason, at, by)
            : DomainError.Conflict(
                "illegal_transition",
                "Illegal node transition",
                $"Only a suspended node can be reinstated: a node cannot move {Describe(node.Status)} → approved by reinstatement.");
}
