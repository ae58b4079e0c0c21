namespace GenomDE.Orleans.Domain.Nodes;

/// <summary>Approval lifecycle of a data node; every step is taken by the operator.</summary>
[GenerateSerializer, Alias("genomde.node-status")]
public enum NodeStatus
{
    Applied = 0,
    UnderReview = 1,
    Approved = 2,
    Suspended = 3,
    Revoked = 4,
}
