using GenomDE.Orleans.Domain.Common;

namespace GenomDE.Orleans.Domain.Nodes;

/// <summary>The operator's commands on a node's approval.</summary>
public enum NodeCommand
{
    Apply,
    Review,
    Approve,
    Suspend,
    Reinstate,
    Revoke,
}

/// <summary>The node approval state machine: applied → under review → approved ⇄ suspended → revoked.
/// An application under review can also be refused, which ends it as revoked. Each command has its
/// own sources, so "approve" cannot stand in for "reinstate" or the other way round.</summary>
public static class NodeLifecycle
{
    private static readonly Dictionary<NodeCommand, (NodeStatus?[] From, NodeStatus To)> Commands = new()
    {
        [NodeCommand.Apply] = ([null], NodeStatus.Applied),
        [NodeCommand.Review] = ([NodeStatus.Applied], NodeStatus.UnderReview),
        [NodeCommand.Approve] = ([NodeStatus.UnderReview], NodeStatus.Approved),
        [NodeCommand.Suspend] = ([NodeStatus.Approved], NodeStatus.Suspended),
        [NodeCommand.Reinstate] = ([NodeStatus.Suspended], NodeStatus.Approved),
        [NodeCommand.Revoke] = ([NodeStatus.UnderReview, NodeStatus.Approved, NodeStatus.Suspended], NodeStatus.Revoked),
    };

    public static NodeStatus Target(NodeCommand command) => Commands[command].To;

    /// <summary>The status graph: some command moves <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMove(NodeStatus? from, NodeStatus to) =>
        Commands.Values.Any(c => c.To == to && c.From.Contains(from));

    /// <summary>Null when <paramref name="command"/> is legal in <paramref name="from"/>, else the 409
    /// that names the move ("approved → applied").</summary>
    public static DomainError? Check(NodeStatus? from, NodeCommand command)
    {
        var (sources, to) = Commands[command];
        return sources.Contains(from)
            ? null
            : DomainError.Conflict(
                "illegal_transition",
                "Illegal node transition",
                $"'{command.ToString().ToLowerInvariant()}' is not allowed here: a node cannot move {Describe(from)} → {Describe(to)} this way (allowed from: {string.Join(", ", sources.Select(Describe))}).");
    }

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

    /// <summary>Applies <paramref name="command"/> to <paramref name="node"/>, recording why, when and by whom.</summary>
    public static Result<NodeView> Apply(NodeView node, NodeCommand command, string reason, DateTimeOffset at, string by)
    {
        if (Check(node.Status, command) is { } illegal)
        {
            return illegal;
        }

        if (TextRules.Required(reason, "reason") is { } missing)
        {
            return missing;
        }

        var to = Target(command);
        var step = new NodeTransition(node.Status, to, reason.Trim(), at, by);
        return Result<NodeView>.Success(node with { Status = to, History = [.. node.History, step] });
    }
}
