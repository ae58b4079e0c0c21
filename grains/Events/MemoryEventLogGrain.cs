using GenomDE.Orleans.GrainInterfaces.Events;
using Microsoft.Extensions.Options;

namespace GenomDE.Orleans.Grains.Events;

/// <summary>Hosts the embedded default's in-memory log once per cluster, so that every silo of a
/// (test) cluster appends to and reads from the same log. Like the rest of the embedded default's
/// state it lives in memory only.</summary>
[Alias("genomde.IMemoryEventLogGrain")]
public interface IMemoryEventLogGrain : IGrainWithIntegerKey
{
    [Alias("Append")]
    Task Append(IReadOnlyList<PlatformEvent> events);

    [Alias("Read")]
    Task<EventPage> Read(EventPosition? after, int limit, string? audience, string? typePrefix);
}

[GrainType("memory-event-log")]
public sealed class MemoryEventLogGrain : Grain, IMemoryEventLogGrain
{
    private readonly InMemoryEventLog _log;

    public MemoryEventLogGrain(TimeProvider clock, IOptions<EventLogOptions> options)
    {
        _log = new InMemoryEventLog(clock, options.Value.Retention);
    }

    public Task Append(IReadOnlyList<PlatformEvent> events) => _log.AppendAsync(events);

    public Task<EventPage> Read(EventPosition? after, int limit, string? audience, string? typePrefix) =>
        _log.ReadAsync(after, limit, audience, typePrefix);

    /// <summary>The log must outlive idle collection: deactivating would empty it.</summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        DelayDeactivation(TimeSpan.MaxValue);
        return Task.CompletedTask;
    }
}

/// <summary><see cref="IEventLog"/> of the embedded default, as the silo's DI hands it out: every
/// call goes to the one <see cref="MemoryEventLogGrain"/>.</summary>
public sealed class GrainEventLog(IGrainFactory grains) : IEventLog
{
    private IMemoryEventLogGrain Log => grains.GetGrain<IMemoryEventLogGrain>(0);

    public Task AppendAsync(IReadOnlyList<PlatformEvent> events, CancellationToken cancellationToken = default) =>
        events.Count == 0 ? Task.CompletedTask : Log.Append(events);

    public Task<EventPage> ReadAsync(EventPosition? after, int limit, string? audience, string? typePrefix, CancellationToken cancellationToken = default) =>
        Log.Read(after, limit, audience, typePrefix);
}
