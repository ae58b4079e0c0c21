using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Nodes;

namespace GenomDE.Orleans.GrainInterfaces.Nodes;

/// <summary>One data node (CDN or GDC) through its approval lifecycle. Key: the application ID
/// (<c>APP-…</c>); once approved the node is also reachable by its official node ID through
/// <see cref="INodeDirectoryGrain"/>.</summary>
[Alias("genomde.INodeGrain")]
public interface INodeGrain : IGrainWithStringKey
{
    [Alias("Apply")]
    Task<Result<NodeView>> Apply(CommandContext context, NodeApplication application);

    [Alias("StartReview")]
    Task<Result<NodeView>> StartReview(CommandContext context, string reason);

    /// <summary>Approves the node and assigns its official ID (unique across all nodes).</summary>
    [Alias("Approve")]
    Task<Result<NodeView>> Approve(CommandContext context, string nodeId, string reason);

    [Alias("Suspend")]
    Task<Result<NodeView>> Suspend(CommandContext context, string reason);

    [Alias("Reinstate")]
    Task<Result<NodeView>> Reinstate(CommandContext context, string reason);

    [Alias("Revoke")]
    Task<Result<NodeView>> Revoke(CommandContext context, string reason);

    /// <summary>Records a node approved before the platform existed; a no-op once the grain has state.</summary>
    [Alias("Seed")]
    Task<Result<NodeView>> Seed(NodeSeed seed);

    [Alias("Get")]
    Task<NodeView?> Get();
}
