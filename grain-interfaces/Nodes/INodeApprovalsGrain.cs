namespace GenomDE.Orleans.GrainInterfaces.Nodes;

/// <summary>Each silo's cache of <see cref="INodeDirectoryGrain.IsApproved"/> for the command path
/// (every submission and node step asks), so the one directory activation is not asked on each.
/// Only approvals are cached, for <see cref="Expiry"/>: a node approved a moment ago is seen at once
/// (a "no" is always asked again), a suspension or revocation takes effect within <see cref="Expiry"/>.
/// A stateless worker, key 0: always the calling silo's own activation.</summary>
[Alias("genomde.INodeApprovalsGrain")]
public interface INodeApprovalsGrain : IGrainWithIntegerKey
{
    /// <summary>How long a "yes" of the directory is reused.</summary>
    static TimeSpan Expiry => TimeSpan.FromSeconds(2);

    [Alias("IsApproved")]
    Task<bool> IsApproved(string nodeId);
}
