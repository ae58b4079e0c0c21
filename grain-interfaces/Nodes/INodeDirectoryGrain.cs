using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Nodes;
using Orleans.Concurrency;

namespace GenomDE.Orleans.GrainInterfaces.Nodes;

/// <summary>The operator's list of all nodes and the owner of the node-ID namespace: it hands
/// out each official node ID to exactly one application. Singleton, key <see cref="Key"/>. Reads are
/// <c>[ReadOnly]</c> (they interleave with each other, never with a change); the command path asks
/// <see cref="INodeApprovalsGrain"/>, each silo's cache, instead of this activation.</summary>
[Alias("genomde.INodeDirectoryGrain")]
public interface INodeDirectoryGrain : IGrainWithStringKey
{
    const string Key = "nodes";

    /// <summary>True when <paramref name="nodeId"/> is free or already belongs to <paramref name="applicationId"/>.</summary>
    [Alias("ClaimNodeId")]
    Task<bool> ClaimNodeId(string nodeId, string applicationId);

    [Alias("Upsert")]
    Task Upsert(NodeView node);

    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<NodeView>> List();

    /// <summary>The application ID behind <paramref name="id"/>, which is either an application ID
    /// or an official node ID; 400 when it is neither, 404 when unknown.</summary>
    [Alias("Resolve"), ReadOnly]
    Task<Result<string>> Resolve(string id);

    /// <summary>The node behind an application ID or an official node ID (see <see cref="Resolve"/>).</summary>
    [Alias("Find"), ReadOnly]
    Task<Result<NodeView>> Find(string id);

    /// <summary>The node known by <paramref name="nodeId"/> is approved (may receive data).</summary>
    [Alias("IsApproved"), ReadOnly]
    Task<bool> IsApproved(string nodeId);
}
