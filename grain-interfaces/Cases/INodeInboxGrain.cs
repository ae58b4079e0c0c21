namespace GenomDE.Orleans.GrainInterfaces.Cases;

/// <summary>One shard of a node's open work: the submissions routed to it whose check report
/// (Prüfbericht) has not been accepted yet. Key: <see cref="KeyOf"/>. Fed by the case grains; a
/// submission leaves the inbox when its report is in, so a shard is as large as the node's backlog,
/// not its history. A node's inbox is <see cref="Shards"/> grains chosen by the TAN (a SHA-256 hex
/// string, so evenly spread): submissions to one node are written in parallel, not one at a time.</summary>
[Alias("genomde.INodeInboxGrain")]
public interface INodeInboxGrain : IGrainWithStringKey
{
    const int Shards = 16;

    [Alias("Upsert")]
    Task Upsert(InboxEntry entry);

    [Alias("List")]
    Task<IReadOnlyList<InboxEntry>> List();

    /// <summary><c>nodeId/h</c>, h the TAN's first hex digit.</summary>
    static string KeyOf(string nodeId, string tan) => $"{nodeId}/{ShardOf(tan):x}";

    /// <summary>Every shard key of a node's inbox.</summary>
    static IEnumerable<string> KeysOf(string nodeId) => Enumerable.Range(0, Shards).Select(s => $"{nodeId}/{s:x}");

    private static int ShardOf(string tan) =>
        tan.Length > 0 && Uri.IsHexDigit(tan[0]) ? Convert.ToInt32(tan[..1], 16) : 0;
}
