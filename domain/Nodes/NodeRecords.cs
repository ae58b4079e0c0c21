namespace GenomDE.Orleans.Domain.Nodes;

/// <summary>What an institution applies with.</summary>
[GenerateSerializer, Immutable, Alias("genomde.node-application")]
public sealed record NodeApplication(
    [property: Id(0)] NodeKind Kind,
    [property: Id(1)] string Name,
    [property: Id(2)] string Site);

/// <summary>One step of the approval lifecycle, kept forever.</summary>
[GenerateSerializer, Immutable, Alias("genomde.node-transition")]
public sealed record NodeTransition(
    [property: Id(0)] NodeStatus? From,
    [property: Id(1)] NodeStatus To,
    [property: Id(2)] string Reason,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string By);

/// <summary>A node as the API shows it. <see cref="NodeId"/> is set on approval.</summary>
[GenerateSerializer, Immutable, Alias("genomde.node-view")]
public sealed record NodeView(
    [property: Id(0)] string ApplicationId,
    [property: Id(1)] string? NodeId,
    [property: Id(2)] NodeKind Kind,
    [property: Id(3)] string Name,
    [property: Id(4)] string Site,
    [property: Id(5)] NodeStatus Status,
    [property: Id(6)] bool? NodeIdIsOfficial,
    [property: Id(7)] IReadOnlyList<NodeTransition> History)
{
    /// <summary>Only approved nodes may receive submissions or send check reports.</summary>
    public bool AcceptsData => Status == NodeStatus.Approved;

    /// <summary>Value equality including the history's contents (records compare lists by reference).</summary>
    public bool Equals(NodeView? other) =>
        other is not null
        && (ApplicationId, NodeId, Kind, Name, Site, Status, NodeIdIsOfficial) == (other.ApplicationId, other.NodeId, other.Kind, other.Name, other.Site, other.Status, other.NodeIdIsOfficial)
        && History.SequenceEqual(other.History);

    public override int GetHashCode() => HashCode.Combine(ApplicationId, Status, History.Count);
}

/// <summary>A node that was approved before the platform existed (the seed document).</summary>
[GenerateSerializer, Immutable, Alias("genomde.node-seed")]
public sealed record NodeSeed(
    [property: Id(0)] NodeApplication Application,
    [property: Id(1)] string NodeId,
    [property: Id(2)] bool NodeIdIsOfficial,
    [property: Id(3)] DateTimeOffset ApprovedAt);
