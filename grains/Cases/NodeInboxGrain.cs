using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.Grains.Common;

namespace GenomDE.Orleans.Grains.Cases;

[GenerateSerializer, Alias("genomde.node-inbox-state")]
public sealed class NodeInboxState
{
    /// <summary>The open submissions routed to this node, by TAN (lower-case).</summary>
    [Id(0)]
    public Dictionary<string, InboxEntry> Entries { get; set; } = [];
}

[GrainType("node-inbox")]
public sealed class NodeInboxGrain(
    [PersistentState("node-inbox", StorageNames.Platform)] IPersistentState<NodeInboxState> state)
    : Grain, INodeInboxGrain
{
    public Task Upsert(InboxEntry entry) =>
        state.UpdateAsync(inbox =>
        {
            var tan = entry.Submission.Tan.ToLowerInvariant();
            if (!IsOpen(entry.Submission))
            {
                return inbox.Entries.Remove(tan); // done: nothing to write when it was gone already
            }

            if (inbox.Entries.TryGetValue(tan, out var known) && known == entry)
            {
                return false; // a replayed notification
            }

            inbox.Entries[tan] = entry;
            return true;
        });

    public Task<IReadOnlyList<InboxEntry>> List() =>
        Task.FromResult<IReadOnlyList<InboxEntry>>([.. state.State.Entries.Values.OrderBy(e => e.Submission.SubmittedAt)]);

    /// <summary>The node still owes a check report. A late notification of an earlier step cannot
    /// reopen a reported submission: the case grain sends its current view, and notifies in order.</summary>
    public static bool IsOpen(SubmissionView submission) => submission.Report is null;
}
