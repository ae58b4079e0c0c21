using GenomDE.Orleans.GrainInterfaces.Reporting;
using GenomDE.Orleans.Grains.Reporting;

namespace GenomDE.Orleans.Tests.Reporting;

/// <summary>The exactly-once counter channel between a sender's outbox and a receiver's inbox,
/// under the failures Orleans messaging allows: lost pushes, lost answers, replays.</summary>
public sealed class CounterChannelTests
{
    private const string Source = "GRZTST001/2025-07-01/a";

    private static Dictionary<string, long> C(params (string Name, long Value)[] counters) => counters.ToDictionary(c => c.Name, c => c.Value);

    [Fact]
    public void A_replayed_delta_changes_nothing()
    {
        var outbox = new CounterOutbox();
        var inbox = new CounterInbox();
        outbox.Record(C(("x", 2)));
        var delta = outbox.Pending(Source);

        Assert.True(inbox.Apply(delta));
        Assert.False(inbox.Apply(delta));

        Assert.Equal(C(("x", 2)), inbox.Totals);
        Assert.Equal(1, inbox.VersionOf(Source));
    }

    [Fact]
    public void A_lost_answer_is_repaired_by_the_next_push_without_double_counting()
    {
        var outbox = new CounterOutbox();
        var inbox = new CounterInbox();
        outbox.Record(C(("x", 1)));
        inbox.Apply(outbox.Pending(Source)); // applied, but the answer never reached the sender
        outbox.Record(C(("x", 1), ("y", 1)));

        var stale = outbox.Pending(Source);
        Assert.Equal((0, 2), (stale.From, stale.To));
        Assert.False(inbox.Apply(stale)); // built on version 0, the receiver stands at 1
        outbox.Confirmed(inbox.VersionOf(Source));
        Assert.True(inbox.Apply(outbox.Pending(Source)));
        outbox.Confirmed(inbox.VersionOf(Source));

        Assert.Equal(C(("x", 1), ("y", 1)), inbox.Totals);
        Assert.False(outbox.HasPending);
        Assert.Equal([2], outbox.Snapshots.Keys);
    }

    [Fact]
    public void A_lost_push_is_carried_by_the_next_one()
    {
        var outbox = new CounterOutbox();
        var inbox = new CounterInbox();
        outbox.Record(C(("submitted", 1)));
        outbox.Record(C(("received", 1))); // the first push never arrived

        Assert.True(inbox.Apply(outbox.Pending(Source)));

        Assert.Equal(C(("received", 1)), inbox.Totals);
    }

    [Fact]
    public void Unchanged_counters_take_no_new_version()
    {
        var outbox = new CounterOutbox();

        Assert.True(outbox.Record(C(("x", 1))));
        Assert.False(outbox.Record(C(("x", 1))));
        Assert.Equal(1, outbox.Version);
    }

    [Fact]
    public void A_row_replaced_by_its_newer_version_moves_the_counters_by_the_difference()
    {
        var submitted = ReportTablesTests.Row() with { Status = GrainInterfaces.Cases.SubmissionStatus.Submitted, BasicQcPassed = null, ReportPassed = null, TokenIssued = false };
        var reported = ReportTablesTests.Row();
        var before = Contributions.Of(new ReportFact("t", 1, submitted, null));
        var after = Contributions.Of(new ReportFact("t", 5, reported, null));

        var difference = Counters.Difference(after, before);

        Assert.Equal(new Dictionary<string, long>
        {
            ["submissions|GRZTST001|genomic|initial|submitted"] = -1,
            ["submissions|GRZTST001|genomic|initial|reported_qc_passed"] = 1,
            ["tokens|GRZTST001"] = 1,
        }, difference);
    }
}
