namespace GenomDE.Orleans.GrainInterfaces.Cases;

/// <summary>A node's open work: the submissions routed to it whose check report (Prüfbericht) has
/// not been accepted yet. Key: the node ID. Fed by the case grains; a submission leaves the inbox
/// when its report is in, so the state is as large as the node's backlog, not its history.</summary>
[Alias("genomde.INodeInboxGrain")]
public interface INodeInboxGrain : IGrainWithStringKey
{
    [Alias("Upsert")]
    Task Upsert(InboxEntry entry);

    [Alias("List")]
    Task<IReadOnlyList<InboxEntry>> List();
}
