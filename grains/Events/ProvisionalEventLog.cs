using GenomDE.Orleans.GrainInterfaces.Events;

namespace GenomDE.Orleans.Grains.Events;

/// <summary>A minimal in-memory log used until the real implementations are registered.</summary>
public sealed class ProvisionalEventLog : IEventLog
{
    private readonly List<PlatformEvent> _events = [];
    private readonly HashSet<string> _ids = [];

    public Task AppendAsync(IReadOnlyList<PlatformEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        lock (_events)
        {
            _events.AddRange(events.Where(e => _ids.Add(e.Id)));
        }

        return Task.CompletedTask;
    }

    public Task<EventPage> ReadAsync(EventPosition? after, int limit, string? audience, string? typePrefix, CancellationToken cancellationToken = default)
    {
        lock (_events)
        {
            var start = (int)(after?.Major ?? 0);
            var page = _events.Skip(start)
                .Select((e, i) => (e, i: start + i + 1))
                .Where(x => (audience is null || x.e.Audience.Contains(audience)) && (typePrefix is null || x.e.Type.StartsWith(typePrefix, StringComparison.Ordinal)))
                .Take(limit)
                .ToList();
            return Task.FromResult(new EventPage([.. page.Select(x => x.e)], page.Count == 0 ? after : new EventPosition(page[^1].i, 0)));
        }
    }
}
