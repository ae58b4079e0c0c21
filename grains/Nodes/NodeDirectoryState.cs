using GenomDE.Orleans.Domain.Nodes;

namespace GenomDE.Orleans.Grains.Nodes;

[GenerateSerializer, Alias("genomde.node-directory-state")]
public sealed class NodeDirectoryState
{
    /// <summary>Latest view of every node, by application ID.</summary>
    [Id(0)]
    public Dictionary<string, NodeView> Nodes { get; set; } = [];

    /// <summary>Official node ID → application ID; an entry is never removed, so an ID is never reused.</summary>
    [Id(1)]
    public Dictionary<string, string> NodeIds { get; set; } = [];
}
