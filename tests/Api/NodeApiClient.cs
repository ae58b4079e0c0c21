using System.Net;
using GenomDE.Orleans.Domain.Nodes;
using GenomDE.Orleans.Tests.Fixtures;

namespace GenomDE.Orleans.Tests.Api;

/// <summary>Drives the node endpoints as the operator would.</summary>
public sealed class NodeApiClient(HttpClient http)
{
    public async Task<NodeView> Apply(NodeKind kind, string name = "Test node", string? key = null) =>
        await (await http.PostJson("/api/v1/nodes", new { kind, name, site = "Teststadt" }, key)).Read<NodeView>(HttpStatusCode.Created);

    public Task<HttpResponseMessage> Command(string id, string command, string reason = "test", string? key = null) =>
        http.PostJson($"/api/v1/nodes/{id}/{command}", new { reason }, key);

    public Task<HttpResponseMessage> Approve(string id, string nodeId, string? key = null, string reason = "approved in test") =>
        http.PostJson($"/api/v1/nodes/{id}/approve", new { nodeId, reason }, key);

    public async Task<NodeView> Get(string id) => await (await http.GetAsync($"/api/v1/nodes/{id}")).Read<NodeView>();

    /// <summary>An application moved to <paramref name="status"/> through the legal path.</summary>
    public async Task<NodeView> NodeIn(NodeStatus status, NodeKind kind = NodeKind.Gdc)
    {
        var node = await Apply(kind);
        var id = node.ApplicationId;
        if (status == NodeStatus.Applied)
        {
            return node;
        }

        await (await Command(id, "review")).Read<NodeView>();
        if (status == NodeStatus.Revoked)
        {
            return await (await Command(id, "revoke")).Read<NodeView>();
        }

        if (status == NodeStatus.UnderReview)
        {
            return await Get(id);
        }

        node = await (await Approve(id, TestIds.NodeId(kind == NodeKind.Gdc ? "GRZ" : "KDK"))).Read<NodeView>();
        return status == NodeStatus.Suspended ? await (await Command(id, "suspend")).Read<NodeView>() : node;
    }
}
