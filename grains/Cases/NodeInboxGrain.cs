using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.Grains.Common;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;

namespace GenomDE.Orleans.Grains.Cases;

[GenerateSerializer, Alias("genomde.node-inbox-state")]
public sealed class NodeInboxState
{
    /// <summary>The open submissions routed to this node, by TAN (lower-case).</summary>
    [Id(0)]
    public Dictionary<string, InboxEntry> Entries { get; set; } = [];

    /// <summary>The first tick of the deadline reminder as last registered; null when none is.
    /// Registered before this is written and unregistered after, so a stored time always has a
    /// reminder behind it (one that may fire early, which the tick just reconciles).</summary>
    [Id(1)]
    public DateTimeOffset? ReminderAt { get; set; }
}

/// <summary>One shard of a node's open work, and the watch over its check-report deadlines: ONE
/// reminder per shard (instead of one per case) fires at the earliest deadline and asks the owning
/// cases to flag what is overdue. The cases decide from their own state and tell the inbox back
/// (an entry whose <see cref="InboxEntry.ReportDueAt"/> is cleared), so a missed, doubled or early
/// tick only repeats a reconciliation.</summary>
[GrainType("node-inbox")]
public sealed class NodeInboxGrain(
    [PersistentState("node-inbox", StorageNames.Platform)] IPersistentState<NodeInboxState> state,
    TimeProvider clock,
    IOptions<CaseOptions> options,
    IOptions<ReminderOptions> reminders)
    : Grain, INodeInboxGrain, IRemindable
{
    private const string DeadlineReminder = "report-deadlines";

    /// <summary>How soon a tick that found deadlines passed comes again, until their cases have
    /// flagged them (a case may have been unreachable): an eighth of the deadline, at most an hour.</summary>
    private TimeSpan RetryPeriod =>
        TimeSpan.FromTicks(Math.Max(reminders.Value.MinimumReminderPeriod.Ticks, Math.Min(options.Value.ReportDueAfter.Ticks / 8, TimeSpan.FromHours(1).Ticks)));

    public async Task Upsert(InboxEntry entry)
    {
        for (var attempt = 1; attempt <= ConsistentWrites.Attempts; attempt++)
        {
            if (!Apply(state.State, entry))
            {
                return;
            }

            // The reminder first: a write that then fails leaves at most an early tick behind.
            if (Earliest(state.State) is { } earliest && (state.State.ReminderAt is not { } registered || earliest < registered))
            {
                await this.RegisterOrUpdateReminder(DeadlineReminder, Until(earliest), RetryPeriod);
                state.State.ReminderAt = earliest;
            }

            if (await state.TryWriteAsync())
            {
                return;
            }
        }

        throw new InconsistentStateException($"The inbox {this.GetPrimaryKeyString()} kept changing underneath; gave up after {ConsistentWrites.Attempts} attempts.");
    }

    public Task<IReadOnlyList<InboxEntry>> List() =>
        Task.FromResult<IReadOnlyList<InboxEntry>>([.. state.State.Entries.Values.OrderBy(e => e.Submission.SubmittedAt)]);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != DeadlineReminder)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var passed = state.State.Entries.Values.Where(e => e.ReportDueAt <= now).Select(e => e.CaseKey).Distinct(StringComparer.Ordinal).ToList();
        foreach (var caseKey in passed)
        {
            await GrainFactory.GetGrain<ICaseGrain>(caseKey).FlagOverdueReports(); // one-way: the case answers with an Upsert
        }

        if (passed.Count > 0)
        {
            return; // the reminder ticks again after RetryPeriod, until the cases have cleared these deadlines
        }

        var next = Earliest(state.State);
        if (next is null)
        {
            // Nothing left to watch: forget the time first, so a stored time always has a reminder behind it.
            if (state.State.ReminderAt is not null)
            {
                state.State.ReminderAt = null;
                if (!await state.TryWriteAsync())
                {
                    return; // changed underneath: the next tick decides on the stored entries
                }
            }

            if (await this.GetReminder(DeadlineReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        else if (next != state.State.ReminderAt)
        {
            // The deadline this reminder was set for is gone (reported): move it to the next one.
            await this.RegisterOrUpdateReminder(DeadlineReminder, Until(next.Value), RetryPeriod);
            state.State.ReminderAt = next;
            await state.TryWriteAsync();
        }
    }

    /// <summary>The change an entry makes; false when there is nothing to write.</summary>
    private static bool Apply(NodeInboxState inbox, InboxEntry entry)
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
    }

    private static DateTimeOffset? Earliest(NodeInboxState inbox) => inbox.Entries.Values.Min(e => e.ReportDueAt);

    private TimeSpan Until(DateTimeOffset at) => at - clock.GetUtcNow() is { Ticks: > 0 } wait ? wait : TimeSpan.Zero;

    /// <summary>The node still owes a check report. A late notification of an earlier step cannot
    /// reopen a reported submission: the case grain sends its current view, and notifies in order.</summary>
    public static bool IsOpen(SubmissionView submission) => submission.Report is null;
}
