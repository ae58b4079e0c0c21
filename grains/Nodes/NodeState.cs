using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Nodes;
using GenomDE.Orleans.Grains.Events;

namespace GenomDE.Orleans.Grains.Nodes;

[GenerateSerializer, Alias("genomde.node-state")]
public sealed class NodeState
{
    /// <summary>Null until the application is received.</summary>
    [Id(0)]
    public NodeView? Node { get; set; }

    [Id(1)]
    public IdempotentReplies<NodeView> Replies { get; set; } = new();

    [Id(2)]
    public Outbox Outbox { get; set; } = new();
}
