using GenomDE.Orleans.GrainInterfaces.Nodes;
using Orleans.Concurrency;

namespace GenomDE.Orleans.Grains.Nodes;

/// <summary>One per silo (a reentrant stateless worker with one activation): the approvals the
/// directory gave within <see cref="INodeApprovalsGrain.Expiry"/>, counted from before it was asked.</summary>
[GrainType("node-approvals"), StatelessWorker(1), Reentrant]
public sealed class NodeApprovalsGrain(TimeProvider clock) : Grain, INodeApprovalsGrain
{
    private readonly Dictionary<string, DateTimeOffset> _approvedUntil = new(StringComparer.Ordinal);

    public async Task<bool> IsApproved(string nodeId)
    {
        var asked = clock.GetUtcNow();
        if (_approvedUntil.TryGetValue(nodeId, out var until) && asked < until)
        {
            return true;
        }

        var approved = await GrainFactory.GetGrain<INodeDirectoryGrain>(INodeDirectoryGrain.Key).IsApproved(nodeId);
        if (approved)
        {
            _approvedUntil[nodeId] = asked + INodeApprovalsGrain.Expiry;
        }
        else
        {
            _approvedUntil.Remove(nodeId);
        }

        return approved;
    }
}
