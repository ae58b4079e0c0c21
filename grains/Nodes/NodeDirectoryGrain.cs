using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Nodes;
using GenomDE.Orleans.GrainInterfaces.Nodes;
using GenomDE.Orleans.Grains.Common;

namespace GenomDE.Orleans.Grains.Nodes;

[GrainType("node-directory")]
public sealed class NodeDirectoryGrain(
    [PersistentState("node-directory", StorageNames.Platform)] IPersistentState<NodeDirectoryState> state)
    : Grain, INodeDirectoryGrain
{
    public async Task<bool> ClaimNodeId(string nodeId, string applicationId)
    {
        await state.UpdateAsync(directory => directory.NodeIds.TryAdd(nodeId, applicationId));
        return state.State.NodeIds[nodeId] == applicationId;
    }

    public Task Upsert(NodeView node) =>
        state.UpdateAsync(directory =>
        {
            if (directory.Nodes.TryGetValue(node.ApplicationId, out var known) && known.History.Count >= node.History.Count)
            {
                return false; // same or older view (a replay, or a late arrival): keep the newer one
            }

            directory.Nodes[node.ApplicationId] = node;
            return true;
        });

    public Task<IReadOnlyList<NodeView>> List() =>
        Task.FromResult<IReadOnlyList<NodeView>>([.. state.State.Nodes.Values.OrderBy(n => n.NodeId ?? "~" + n.ApplicationId, StringComparer.Ordinal)]);

    public Task<Result<string>> Resolve(string id) => Task.FromResult(ResolveId(id));

    public Task<Result<NodeView>> Find(string id)
    {
        var applicationId = ResolveId(id);
        return Task.FromResult(
            !applicationId.IsSuccess ? applicationId.Error!
            : state.State.Nodes.TryGetValue(applicationId.Value!, out var node) ? Result<NodeView>.Success(node)
            : Unknown(id));
    }

    public Task<bool> IsApproved(string nodeId) =>
        Task.FromResult(
            state.State.NodeIds.TryGetValue(nodeId, out var applicationId)
            && state.State.Nodes.TryGetValue(applicationId, out var node)
            && node.AcceptsData);

    private Result<string> ResolveId(string id)
    {
        if (Identifiers.IsNodeId(id))
        {
            return state.State.NodeIds.TryGetValue(id, out var owner) ? Result<string>.Success(owner) : Unknown(id);
        }

        if (Identifiers.IsApplicationId(id))
        {
            return state.State.Nodes.ContainsKey(id) ? Result<string>.Success(id) : Unknown(id);
        }

        return DomainError.Invalid(
            "invalid_node_id",
            "Invalid node ID",
            $"'{id}' is neither a node ID (^KDK[A-Z0-9]{{3}}[0-9]{{3}}$ or ^GRZ[A-Z0-9]{{3}}[0-9]{{3}}$) nor an application ID (^APP-[0-9A-F]{{16}}$).");
    }

    private static DomainError Unknown(string id) =>
        DomainError.NotFound("unknown_node", "Unknown node", $"No node '{id}' is registered.");
}
