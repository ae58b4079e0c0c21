using GenomDE.Orleans.GrainInterfaces.Nodes;
using Orleans.Concurrency;

namespace GenomDE.Orleans.Grains.Nodes;

/// <summary>One per silo (a reentrant stateless worker with one activation): the approvals the
/// directory gave within <see cref="INodeApprovalsGrain.Expiry"/>, counted from before it was asked.
/// Concurrent misses share one question to the directory; a shared "no" is asked again, since a
/// node approved a moment ago must be seen at once.</summary>
[GrainType("node-approvals"), StatelessWorker(1), Reentrant]
public sealed class NodeApprovalsGrain(TimeProvider clock) : Grain, INodeApprovalsGrain
{
    private readonly Dictionary<string, DateTimeOffset> _approvedUntil = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTimeOffset Asked, Task<bool> Answer)> _asking = new(StringComparer.Ordinal);

    public async Task<bool> IsApproved(string nodeId)
    {
        var now = clock.GetUtcNow();
        if (_approvedUntil.TryGetValue(nodeId, out var until) && now < until)
        {
            return true;
        }

        if (_asking.TryGetValue(nodeId, out var asking) && now - asking.Asked < INodeApprovalsGrain.Expiry && await asking.Answer)
        {
            return true; // asked after now - Expiry: as fresh as a cached approval
        }

        return await Ask(nodeId);
    }

    private async Task<bool> Ask(string nodeId)
    {
        var asked = clock.GetUtcNow();
        var answer = GrainFactory.GetGrain<INodeDirectoryGrain>(INodeDirectoryGrain.Key).IsApproved(nodeId);
        _asking[nodeId] = (asked, answer);
        try
        {
            if (await answer)
            {
                _approvedUntil[nodeId] = asked + INodeApprovalsGrain.Expiry;
                return true;
            }

            _approvedUntil.Remove(nodeId);
            return false;
        }
        finally
        {
            if (_asking.TryGetValue(nodeId, out var current) && current.Answer == answer)
            {
                _asking.Remove(nodeId);
            }
        }
    }
}
