namespace GenomDE.Orleans.GrainInterfaces.Cases;

/// <summary>The submissions routed to one node. Key: the node ID. Fed by the case grains.</summary>
[Alias("genomde.INodeInboxGrain")]
public interface INodeInboxGrain : IGrainWithStringKey
{
    [Alias("Upsert")]
    Task Upsert(InboxEntry entry);

    [Alias("List")]
    Task<IReadOnlyList<InboxEntry>> List();

    /// <summary>The case key of the submission with <paramref name="tan"/>, or null.</summary>
    [Alias("FindCase")]
    Task<string?> FindCase(string tan);
}
