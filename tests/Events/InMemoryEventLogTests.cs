using GenomDE.Orleans.GrainInterfaces.Events;
using GenomDE.Orleans.Grains.Events;
using Microsoft.Extensions.Time.Testing;

namespace GenomDE.Orleans.Tests.Events;

public sealed class InMemoryEventLogTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task The_same_event_appended_twice_is_stored_once()
    {
        var log = new InMemoryEventLog(_clock, TimeSpan.FromDays(30));
        var e = SyntheticEvents.Case("123456789");

        await log.AppendAsync([e, e]);
        await log.AppendAsync([e]);

        var page = await log.ReadAsync(null, 10, null, null);
        Assert.Equal([e.Id], page.Events.Select(x => x.Id));
    }

    [Fact]
    public async Task Concurrent_appenders_get_distinct_ascending_positions_and_a_pager_misses_nothing()
    {
        var log = new InMemoryEventLog(_clock, TimeSpan.FromDays(30));
        var events = Enumerable.Range(0, 400).Select(_ => SyntheticEvents.Case("123456789")).ToList();

        await Task.WhenAll(events.Chunk(50).Select(chunk => Task.Run(async () =>
        {
            foreach (var e in chunk)
            {
                await log.AppendAsync([e]);
            }
        })));

        List<string> seen = [];
        EventPosition? position = null;
        long previous = 0;
        while (true)
        {
            var page = await log.ReadAsync(position, 7, "provider:123456789", null);
            if (page.Events.Count == 0)
            {
                break;
            }

            Assert.All(page.Positions!, p => Assert.True(p.Minor > previous && (previous = p.Minor) > 0));
            seen.AddRange(page.Events.Select(e => e.Id));
            position = page.Next;
        }

        Assert.Equal(events.Select(e => e.Id).Order(), seen.Order());
    }

    [Fact]
    public async Task Events_older_than_the_retention_are_dropped()
    {
        var log = new InMemoryEventLog(_clock, TimeSpan.FromDays(30));
        var old = SyntheticEvents.Case("123456789");
        await log.AppendAsync([old]);
        _clock.Advance(TimeSpan.FromDays(31));
        var fresh = SyntheticEvents.Case("123456789");
        await log.AppendAsync([fresh]);

        Assert.Equal([fresh.Id], (await log.ReadAsync(null, 10, null, null)).Events.Select(e => e.Id));
    }

    [Fact]
    public void Cursors_round_trip_and_reject_anything_else()
    {
        var position = new EventPosition(987654321012, 42);
        Assert.True(EventCursor.TryDecode(EventCursor.Encode(position), out var decoded));
        Assert.Equal(position, decoded);

        Assert.False(EventCursor.TryDecode("", out _));
        Assert.False(EventCursor.TryDecode("!!!", out _));
        Assert.False(EventCursor.TryDecode("djE6LTE6Mg", out _)); // "v1:-1:2"
        Assert.False(EventCursor.TryDecode(new string('A', 200), out _));
    }
}
