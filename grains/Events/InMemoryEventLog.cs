using GenomDE.Orleans.GrainInterfaces.Events;

namespace GenomDE.Orleans.Grains.Events;

/// <summary>The event log of the embedded default: a list in memory, idempotent by event ID, with
/// positions (0, n) where n counts appends and never repeats. Thread-safe on its own, so it can be
/// used directly (unit tests) as well as behind <see cref="MemoryEventLogGrain"/>.</summary>
public sealed class InMemoryEventLog(TimeProvider clock, TimeSpan retention) : IEventLog
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private long _sequence;

    public Task AppendAsync(IReadOnlyList<PlatformEvent> events, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            DropExpired();
            foreach (var e in events)
            {
                if (_ids.Add(e.Id))
                {
                    _entries.Add(new Entry(new EventPosition(0, ++_sequence), e, clock.GetUtcNow()));
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<EventPage> ReadAsync(EventPosition? after, int limit, string? audience, string? typePrefix, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var from = after?.Minor ?? 0;
        List<PlatformEvent> events = [];
        List<EventPosition> positions = [];
        lock (_gate)
        {
            // Sequences are dense and ascending: binary search for the first entry after the position.
            var start = _entries.BinarySearch(new Entry(new EventPosition(0, from), null!, default), EntryOrder.Instance);
            start = start >= 0 ? start + 1 : ~start;
            for (var i = start; i < _entries.Count && events.Count < limit; i++)
            {
                var entry = _entries[i];
                if ((audience is null || entry.Event.Audience.Contains(audience))
                    && (typePrefix is null || entry.Event.Type.StartsWith(typePrefix, StringComparison.Ordinal)))
                {
                    events.Add(entry.Event);
                    positions.Add(entry.Position);
                }
            }
        }

        return Task.FromResult(new EventPage(events, positions.Count > 0 ? positions[^1] : after, positions));
    }

    private void DropExpired()
    {
        var cutoff = clock.GetUtcNow() - retention;
        var expired = _entries.FindIndex(e => e.AppendedAt >= cutoff);
        var count = expired < 0 ? _entries.Count : expired;
        if (count == 0)
        {
            return;
        }

        foreach (var e in _entries.Take(count))
        {
            _ids.Remove(e.Event.Id);
        }

        _entries.RemoveRange(0, count);
    }

    private sealed record Entry(EventPosition Position, PlatformEvent Event, DateTimeOffset AppendedAt);

    private sealed class EntryOrder : IComparer<Entry>
    {
        public static readonly EntryOrder Instance = new();

        public int Compare(Entry? x, Entry? y) => x!.Position.Minor.CompareTo(y!.Position.Minor);
    }
}
