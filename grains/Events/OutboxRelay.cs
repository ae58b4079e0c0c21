using GenomDE.Orleans.GrainInterfaces.Events;
using GenomDE.Orleans.Grains.Common;
using Microsoft.Extensions.Logging;

namespace GenomDE.Orleans.Grains.Events;

/// <summary>Per activation: emits events into a grain's <see cref="Outbox"/>, and after each write
/// (and on activation, and on a retry timer while anything failed) applies the write's effects on
/// other grains and appends the outbox to the event log. Effects first, then the events, so a
/// consumer that sees an event finds its effects done (an inbox entry, a token).
/// Nothing here writes the grain's state: what was published is remembered in memory and pruned
/// with the grain's next own write.</summary>
public sealed class OutboxRelay(IEventLog log, ILogger<OutboxRelay> logger)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(30);

    private Grain? _grain;
    private Func<Outbox>? _outbox;
    private Func<Task>? _repairEffects;
    private long _publishedThrough;
    private bool _effectsOwed;
    private IGrainTimer? _retry;
    private TimeSpan _retryDelay = FirstRetry;

    /// <summary>Why the last flush failed (null after a successful one).</summary>
    public Exception? LastFailure { get; private set; }

    /// <summary>Binds the relay to its grain at activation. When the stored outbox holds events,
    /// the activation before may have died between its write and their effects: repeat both soon
    /// (<paramref name="repairEffects"/> re-applies everything the state implies; idempotent).</summary>
    public void Attach(Grain grain, Func<Outbox> outbox, Func<Task> repairEffects)
    {
        _grain = grain;
        _outbox = outbox;
        _repairEffects = repairEffects;
        if (outbox().Pending.Count > 0)
        {
            _effectsOwed = true;
            ScheduleRetry(TimeSpan.Zero);
        }
    }

    /// <summary>Drops the events this activation has published; call just before a state write.</summary>
    public void Prune(Outbox outbox)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        outbox.Pending.RemoveAll(p => p.Sequence <= _publishedThrough);
    }

    /// <summary>Applies <paramref name="effects"/> of the write that just succeeded (or, when an
    /// earlier attempt failed, the full repair) and publishes the outbox. Never throws: a failure is
    /// retried by a timer that keeps the activation alive until it succeeds, and the command that
    /// caused it has already been stored and answered.</summary>
    /// <returns>False when the flush failed and is left to the retry timer.</returns>
    public async Task<bool> FlushAsync(Func<Task> effects)
    {
        ArgumentNullException.ThrowIfNull(effects);
        try
        {
            await (_effectsOwed ? _repairEffects!() : effects());
            _effectsOwed = false;
            await PublishAsync();
            StopRetry();
            LastFailure = null;
            return true;
        }
        catch (Exception failure)
        {
            _effectsOwed = true;
            LastFailure = failure;
            PlatformMetrics.OutboxFlushFailures.Add(1);
            logger.LogWarning(failure, "Outbox of {Grain} not flushed; retrying in {Delay}", _grain?.GetGrainId(), _retryDelay);
            ScheduleRetry(_retryDelay);
            _retryDelay = TimeSpan.FromTicks(Math.Min(_retryDelay.Ticks * 2, MaxRetry.Ticks));
            return false;
        }
    }

    /// <summary>Repairs and publishes whatever is owed (the sweeper and the retry timer call this).</summary>
    public Task<bool> FlushOwedAsync() => FlushAsync(() => Task.CompletedTask);

    private async Task PublishAsync()
    {
        var unpublished = _outbox!().Pending.Where(p => p.Sequence > _publishedThrough).ToList();
        if (unpublished.Count == 0)
        {
            return;
        }

        await log.AppendAsync([.. unpublished.Select(p => p.Event)]);
        _publishedThrough = unpublished[^1].Sequence;
    }

    private void ScheduleRetry(TimeSpan due)
    {
        _retry?.Dispose();
        _retry = _grain!.RegisterGrainTimer(
            _ => FlushOwedAsync(),
            new GrainTimerCreationOptions { DueTime = due, Period = Timeout.InfiniteTimeSpan, KeepAlive = true, Interleave = false });
    }

    private void StopRetry()
    {
        _retry?.Dispose();
        _retry = null;
        _retryDelay = FirstRetry;
    }
}
