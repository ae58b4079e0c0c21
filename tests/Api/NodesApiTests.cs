using System.Net;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Nodes;
using GenomDE.Orleans.Grains.Seed;
using GenomDE.Orleans.Tests.Fixtures;

namespace GenomDE.Orleans.Tests.Api;

[Collection(PlatformCollectionDefinition.Name)]
public sealed class NodesApiTests(PlatformFixture platform)
{
    private readonly NodeApiClient _nodes = new(platform.Operator());

    [Fact]
    public async Task The_operator_sees_the_thirteen_seeded_nodes_approved()
    {
        var nodes = await (await platform.Operator().GetAsync("/api/v1/nodes")).Read<List<NodeView>>();

        var seeded = nodes.Where(n => SeedData.Nodes.Any(s => s.NodeId == n.NodeId)).ToList();
        Assert.Equal(13, seeded.Count);
        Assert.All(seeded, n => Assert.Equal(NodeStatus.Approved, n.Status));
        Assert.Equal(7, seeded.Count(n => n.Kind == NodeKind.Cdn));
        Assert.True(seeded.Single(n => n.NodeId == "GRZDD0004").NodeIdIsOfficial);
        Assert.True(seeded.Single(n => n.NodeId == "KDKTUE002").NodeIdIsOfficial);
    }

    [Fact]
    public async Task Filters_select_by_kind_and_status_and_reject_unknown_values()
    {
        var http = platform.Operator();
        var cdns = await (await http.GetAsync("/api/v1/nodes?kind=cdn&status=approved")).Read<List<NodeView>>();
        Assert.NotEmpty(cdns);
        Assert.All(cdns, n => Assert.True(n.Kind == NodeKind.Cdn && n.Status == NodeStatus.Approved));

        var detail = await (await http.GetAsync("/api/v1/nodes?status=approve")).AssertProblem(HttpStatusCode.BadRequest, "invalid_filter");
        Assert.Contains("under_review", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_calls_get_401_and_forged_tokens_too()
    {
        await (await platform.AnonymousClient().GetAsync("/api/v1/nodes")).AssertProblem(HttpStatusCode.Unauthorized, "unauthenticated");

        var forged = platform.AnonymousClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJCZkFyTSIsInJvbGUiOiJvcGVyYXRvciJ9.c2lnbmF0dXJl");
        await (await forged.GetAsync("/api/v1/nodes")).AssertProblem(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Theory]
    [InlineData(ParticipantRole.Provider, "123456789")]
    [InlineData(ParticipantRole.Gdc, "GRZDD0004")]
    [InlineData(ParticipantRole.Payer, "200000001")]
    public async Task Only_the_operator_may_approve(ParticipantRole role, string participantId)
    {
        var node = await _nodes.NodeIn(NodeStatus.UnderReview);

        var response = await new NodeApiClient(platform.Client(role, participantId)).Approve(node.ApplicationId, TestIds.NodeId("GRZ"));

        var detail = await response.AssertProblem(HttpStatusCode.Forbidden, "forbidden");
        Assert.Contains("'operator'", detail, StringComparison.Ordinal);
        Assert.Equal(NodeStatus.UnderReview, (await _nodes.Get(node.ApplicationId)).Status);
    }

    [Fact]
    public async Task Every_legal_transition_runs_and_is_recorded_with_reason_time_and_actor()
    {
        var applied = await _nodes.Apply(NodeKind.Cdn, "Klinischer Datenknoten Test");
        var id = applied.ApplicationId;
        var nodeId = TestIds.NodeId("KDK");

        await (await _nodes.Command(id, "review", "documents complete")).Read<NodeView>();
        var approved = await (await _nodes.Approve(id, nodeId, reason: "audit passed")).Read<NodeView>();
        Assert.Equal(nodeId, approved.NodeId);
        Assert.True(approved.AcceptsData);

        // From now on the node is known by its official ID.
        await (await _nodes.Command(nodeId, "suspend", "security incident")).Read<NodeView>();
        Assert.False((await _nodes.Get(nodeId)).AcceptsData);
        await (await _nodes.Command(nodeId, "reinstate", "incident closed")).Read<NodeView>();
        await (await _nodes.Command(nodeId, "suspend", "second incident")).Read<NodeView>();
        var revoked = await (await _nodes.Command(nodeId, "revoke", "contract ended")).Read<NodeView>();

        Assert.Equal(
            [
                (null, NodeStatus.Applied, "application received"),
                (NodeStatus.Applied, NodeStatus.UnderReview, "documents complete"),
                (NodeStatus.UnderReview, NodeStatus.Approved, "audit passed"),
                (NodeStatus.Approved, NodeStatus.Suspended, "security incident"),
                (NodeStatus.Suspended, NodeStatus.Approved, "incident closed"),
                (NodeStatus.Approved, NodeStatus.Suspended, "second incident"),
                (NodeStatus.Suspended, NodeStatus.Revoked, "contract ended"),
            ],
            revoked.History.Select(h => (h.From, h.To, h.Reason)));
        Assert.All(revoked.History, h => Assert.Equal("BfArM", h.By));
        Assert.All(revoked.History, h => Assert.True(DateTimeOffset.UtcNow - h.At < TimeSpan.FromMinutes(5)));
        Assert.Equal(revoked, await _nodes.Get(id));
    }

    [Fact]
    public async Task An_application_under_review_can_be_refused()
    {
        var node = await _nodes.NodeIn(NodeStatus.Revoked);

        Assert.Equal([NodeStatus.Applied, NodeStatus.UnderReview, NodeStatus.Revoked], node.History.Select(h => h.To));
        Assert.Null(node.NodeId);
    }

    public static TheoryData<NodeStatus, string> IllegalMoves() => new()
    {
        { NodeStatus.Applied, "approve" },
        { NodeStatus.Applied, "suspend" },
        { NodeStatus.Applied, "reinstate" },
        { NodeStatus.Applied, "revoke" },
        { NodeStatus.UnderReview, "review" },
        { NodeStatus.UnderReview, "suspend" },
        { NodeStatus.UnderReview, "reinstate" },
        { NodeStatus.Approved, "review" },
        { NodeStatus.Approved, "approve" },
        { NodeStatus.Approved, "reinstate" },
        { NodeStatus.Suspended, "review" },
        { NodeStatus.Suspended, "approve" },
        { NodeStatus.Suspended, "suspend" },
        { NodeStatus.Revoked, "review" },
        { NodeStatus.Revoked, "approve" },
        { NodeStatus.Revoked, "suspend" },
        { NodeStatus.Revoked, "reinstate" },
        { NodeStatus.Revoked, "revoke" },
    };

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public async Task Every_illegal_transition_is_a_409_that_names_it_and_changes_nothing(NodeStatus from, string command)
    {
        var node = await _nodes.NodeIn(from);

        var response = command == "approve"
            ? await _nodes.Approve(node.ApplicationId, TestIds.NodeId("GRZ"))
            : await _nodes.Command(node.ApplicationId, command);

        var detail = await response.AssertProblem(HttpStatusCode.Conflict, "illegal_transition");
        Assert.Contains(from switch
        {
            NodeStatus.UnderReview => "under review →",
            _ => $"{from.ToString().ToLowerInvariant()} →",
        }, detail, StringComparison.Ordinal);
        Assert.Equal(node, await _nodes.Get(node.ApplicationId));
    }

    [Fact]
    public async Task An_idempotency_key_reused_for_another_application_is_a_422()
    {
        var key = TestIds.Key();
        var first = await _nodes.Apply(NodeKind.Gdc, key: key);

        // Same key, different body: the key is bound to its first request.
        var reused = await platform.Operator().PostJson("/api/v1/nodes", new { kind = "gdc", name = "Other", site = "Elsewhere" }, key);

        await reused.AssertProblem(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        Assert.Equal(first, await _nodes.Get(first.ApplicationId));
    }

    [Fact]
    public async Task Replaying_an_application_returns_the_same_application()
    {
        var key = TestIds.Key();

        var first = await _nodes.Apply(NodeKind.Cdn, "Replay KDK", key);
        var second = await _nodes.Apply(NodeKind.Cdn, "Replay KDK", key);

        Assert.Equal(first, second);
        var all = await (await platform.Operator().GetAsync("/api/v1/nodes")).Read<List<NodeView>>();
        Assert.Single(all, n => n.ApplicationId == first.ApplicationId);
    }

    [Fact]
    public async Task Replaying_an_approval_returns_the_first_answer_and_makes_no_second_transition()
    {
        var node = await _nodes.NodeIn(NodeStatus.UnderReview);
        var nodeId = TestIds.NodeId("GRZ");
        var key = TestIds.Key();

        var first = await (await _nodes.Approve(node.ApplicationId, nodeId, key)).Read<NodeView>();
        var replay = await (await _nodes.Approve(node.ApplicationId, nodeId, key)).Read<NodeView>();

        Assert.Equal(first, replay);
        var stored = await _nodes.Get(nodeId);
        Assert.Single(stored.History, h => h.To == NodeStatus.Approved);

        // Without the key a second approval is a new request, and an illegal one.
        await (await _nodes.Approve(node.ApplicationId, nodeId)).AssertProblem(HttpStatusCode.Conflict, "illegal_transition");
        Assert.Equal(stored, await _nodes.Get(nodeId));
    }

    [Theory]
    [InlineData(NodeKind.Gdc, "GRZ12")]
    [InlineData(NodeKind.Gdc, "GRZdd0004")]
    [InlineData(NodeKind.Gdc, "KDKTUE777")]
    [InlineData(NodeKind.Cdn, "GRZDD0777")]
    [InlineData(NodeKind.Cdn, "KDKTUE0007")]
    public async Task Approval_with_a_malformed_or_wrong_kind_node_id_is_a_400(NodeKind kind, string nodeId)
    {
        var node = await _nodes.NodeIn(NodeStatus.UnderReview, kind);

        var detail = await (await _nodes.Approve(node.ApplicationId, nodeId)).AssertProblem(HttpStatusCode.BadRequest, "invalid_node_id");

        Assert.Contains(nodeId, detail, StringComparison.Ordinal);
        Assert.Equal(NodeStatus.UnderReview, (await _nodes.Get(node.ApplicationId)).Status);
    }

    [Fact]
    public async Task A_node_id_is_assigned_to_one_node_only()
    {
        var first = await _nodes.NodeIn(NodeStatus.UnderReview);
        var second = await _nodes.NodeIn(NodeStatus.UnderReview);
        var nodeId = TestIds.NodeId("GRZ");

        await (await _nodes.Approve(first.ApplicationId, nodeId)).Read<NodeView>();
        await (await _nodes.Approve(second.ApplicationId, nodeId)).AssertProblem(HttpStatusCode.Conflict, "node_id_taken");
        await (await _nodes.Approve(second.ApplicationId, "GRZDD0004")).AssertProblem(HttpStatusCode.Conflict, "node_id_taken");

        Assert.Equal(NodeStatus.UnderReview, (await _nodes.Get(second.ApplicationId)).Status);
        Assert.Equal(first.ApplicationId, (await _nodes.Get(nodeId)).ApplicationId);
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("GRZ-DD-0004")]
    [InlineData("APP-123")]
    public async Task Malformed_ids_in_the_path_are_a_400(string id)
    {
        await (await platform.Operator().GetAsync($"/api/v1/nodes/{id}")).AssertProblem(HttpStatusCode.BadRequest, "invalid_node_id");
        await (await _nodes.Command(id, "suspend")).AssertProblem(HttpStatusCode.BadRequest, "invalid_node_id");
    }

    [Theory]
    [InlineData("GRZZZZ999")]
    [InlineData("KDKZZZ999")]
    [InlineData("APP-FFFFFFFFFFFFFFFF")]
    public async Task Unknown_nodes_are_a_404(string id)
    {
        await (await platform.Operator().GetAsync($"/api/v1/nodes/{id}")).AssertProblem(HttpStatusCode.NotFound, "unknown_node");
        await (await _nodes.Command(id, "suspend")).AssertProblem(HttpStatusCode.NotFound, "unknown_node");
    }

    [Fact]
    public async Task Transitions_need_a_reason()
    {
        var node = await _nodes.NodeIn(NodeStatus.Applied);

        await (await _nodes.Command(node.ApplicationId, "review", "  ")).AssertProblem(HttpStatusCode.BadRequest, "reason_required");
        await (await platform.Operator().PostRaw($"/api/v1/nodes/{node.ApplicationId}/review", "{}")).AssertProblem(HttpStatusCode.BadRequest, "malformed_json");

        Assert.Equal(NodeStatus.Applied, (await _nodes.Get(node.ApplicationId)).Status);
    }
}
