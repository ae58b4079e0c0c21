using GenomDE.Orleans.Domain.Nodes;

namespace GenomDE.Orleans.Tests.Nodes;

public sealed class NodeLifecycleTests
{
    private static readonly (NodeStatus? From, NodeCommand Command, NodeStatus To)[] Legal =
    [
        (null, NodeCommand.Apply, NodeStatus.Applied),
        (NodeStatus.Applied, NodeCommand.Review, NodeStatus.UnderReview),
        (NodeStatus.UnderReview, NodeCommand.Approve, NodeStatus.Approved),
        (NodeStatus.UnderReview, NodeCommand.Revoke, NodeStatus.Revoked),
        (NodeStatus.Approved, NodeCommand.Suspend, NodeStatus.Suspended),
        (NodeStatus.Approved, NodeCommand.Revoke, NodeStatus.Revoked),
        (NodeStatus.Suspended, NodeCommand.Reinstate, NodeStatus.Approved),
        (NodeStatus.Suspended, NodeCommand.Revoke, NodeStatus.Revoked),
    ];

    public static TheoryData<NodeStatus?, NodeCommand> AllPairs()
    {
        var data = new TheoryData<NodeStatus?, NodeCommand>();
        foreach (var from in Enum.GetValues<NodeStatus>().Cast<NodeStatus?>().Prepend(null))
        {
            foreach (var command in Enum.GetValues<NodeCommand>())
            {
                data.Add(from, command);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Only_the_documented_commands_are_legal(NodeStatus? from, NodeCommand command)
    {
        var legal = Legal.Where(l => l.From == from && l.Command == command).ToList();

        var error = NodeLifecycle.Check(from, command);
        if (legal.Count == 1)
        {
            Assert.Null(error);
            Assert.Equal(legal[0].To, NodeLifecycle.Target(command));
        }
        else
        {
            Assert.Equal("illegal_transition", error!.Code);
            Assert.Contains($"{NodeLifecycle.Describe(from)} → {NodeLifecycle.Describe(NodeLifecycle.Target(command))}", error.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_status_graph_has_exactly_the_documented_edges()
    {
        foreach (var from in Enum.GetValues<NodeStatus>().Cast<NodeStatus?>().Prepend(null))
        {
            foreach (var to in Enum.GetValues<NodeStatus>())
            {
                Assert.Equal(Legal.Any(l => l.From == from && l.To == to), NodeLifecycle.CanMove(from, to));
            }
        }
    }

    [Fact]
    public void A_move_keeps_reason_time_and_actor_in_the_history()
    {
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var node = Applied();

        var moved = NodeLifecycle.Apply(node, NodeCommand.Review, "  documents complete ", at, "BfArM");

        Assert.True(moved.IsSuccess);
        var step = moved.Value!.History[^1];
        Assert.Equal(new NodeTransition(NodeStatus.Applied, NodeStatus.UnderReview, "documents complete", at, "BfArM"), step);
        Assert.Equal(NodeStatus.UnderReview, moved.Value.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_move_needs_a_reason(string reason)
    {
        var moved = NodeLifecycle.Apply(Applied(), NodeCommand.Review, reason, DateTimeOffset.UnixEpoch, "BfArM");

        Assert.Equal("reason_required", moved.Error!.Code);
    }

    [Theory]
    [InlineData(NodeStatus.Applied)]
    [InlineData(NodeStatus.UnderReview)]
    [InlineData(NodeStatus.Approved)]
    [InlineData(NodeStatus.Revoked)]
    public void Reinstatement_is_only_from_suspended(NodeStatus status)
    {
        var result = NodeLifecycle.Apply(Applied() with { Status = status }, NodeCommand.Reinstate, "ok", DateTimeOffset.UnixEpoch, "BfArM");

        Assert.Equal("illegal_transition", result.Error!.Code);
    }

    [Fact]
    public void Reinstatement_from_suspended_approves_again()
    {
        var result = NodeLifecycle.Apply(Applied() with { Status = NodeStatus.Suspended }, NodeCommand.Reinstate, "audit passed", DateTimeOffset.UnixEpoch, "BfArM");

        Assert.Equal(NodeStatus.Approved, result.Value!.Status);
    }

    private static NodeView Applied() =>
        new("APP-0000000000000001", null, NodeKind.Gdc, "Test GDC", "Bonn", NodeStatus.Applied, null,
            [new NodeTransition(null, NodeStatus.Applied, "application received", DateTimeOffset.UnixEpoch, "BfArM")]);
}
