using GenomDE.Orleans.Domain.Reporting;
using GenomDE.Orleans.GrainInterfaces.Events;
using GenomDE.Orleans.GrainInterfaces.Reporting;
using GenomDE.Orleans.Grains.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace GenomDE.Orleans.Grains.Reporting;

[GenerateSerializer, Alias("genomde.reporting-projection-state")]
public sealed class ReportingProjectionState
{
    /// <summary>Where the next batch starts (null: at the start of the log).</summary>
    [Id(0)]
    public EventPosition? Checkpoint { get; set; }

    /// <summary>The platform counters (<see cref="Contributions"/>' names) of every event before the checkpoint.</summary>
    [Id(1)]
    public Dictionary<string, long> Counters { get; set; } = new(StringComparer.Ordinal);

    [Id(2)]
    public long EventsRead { get; set; }

    [Id(3)]
    public DateTimeOffset? LastEventTime { get; set; }
}

/// <summary>Reporting as a consumer of the event log, off the request path. A batch is up to
/// <see cref="ReportingOptions.BatchSize"/> events in log order: its rows go to their buckets (one
/// write per touched bucket, the period indexes first), then the counters and the checkpoint are
/// stored together in this grain's one write. A crash before that write repeats the batch: the
/// buckets keep the newest revision of each row, so a repeat changes nothing, and the counters
/// were not yet stored, so they count it once.</summary>
[GrainType("reporting-projector"), ImplicitStreamSubscription(EventStreams.Namespace)]
public sealed partial class ReportingProjectorGrain(
    [PersistentState("reporting-projection", StorageNames.Platform)] IPersistentState<ReportingProjectionState> state,
    IEventLog log,
    IOptions<ReportingOptions> options,
    ILogger<ReportingProjectorGrain> logger) : Grain, IReportingProjectorGrain, IRemindable
{
    private const string ReminderName = "project";
    private const int MaxBatchesPerRun = 20;
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private IGrainTimer? _timer;
    private DateTimeOffset _armedFor = DateTimeOffset.MaxValue;

    private ReportingOptions Options => options.Value;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(EventStreams.Provider)
            .GetStream<EventsAppended>(StreamId.Create(EventStreams.Namespace, this.GetPrimaryKeyString()));
        await stream.SubscribeAsync((_, _) =>
        {
            Arm(Options.BatchDelay);
            return Task.CompletedTask;
        });

        // The reminder brings the projector back after every restart, notification or not.
        if (await this.GetReminder(ReminderName, cancellationToken) is null)
        {
            await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod, cancellationToken);
        }

        Arm(TimeSpan.Zero);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Arm(TimeSpan.Zero);
        return Task.CompletedTask;
    }

    public async Task CatchUp()
    {
        while (await ProjectBatch())
        {
        }
    }

    public Task<ProjectionTotals> Totals() =>
        Task.FromResult(new ProjectionTotals(new Dictionary<string, long>(state.State.Counters, StringComparer.Ordinal), state.State.EventsRead, state.State.LastEventTime));

    /// <summary>Runs no later than <paramref name="due"/> from now (an earlier run stays).</summary>
    private void Arm(TimeSpan due)
    {
        var at = DateTimeOffset.UtcNow + due;
        if (_timer is not null && _armedFor <= at)
        {
            return;
        }

        _armedFor = at;
        if (_timer is null)
        {
            _timer = this.RegisterGrainTimer(Run, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { Interleave = false, KeepAlive = true });
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task Run(CancellationToken cancellationToken)
    {
        _armedFor = DateTimeOffset.MaxValue;
        var next = Options.PollInterval;
        try
        {
            for (var batch = 0; batch < MaxBatchesPerRun; batch++)
            {
                if (!await ProjectBatch())
                {
                    break;
                }

                next = TimeSpan.Zero; // more is waiting: go on after other calls had their turn
            }
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogBatchFailed(logger, failure);
            if (FailedCallFilter.IsStorageFault(failure))
            {
                DeactivateOnIdle(); // memory may hold unsaved counters; the reminder reactivates from storage
                return;
            }
        }

        Arm(next);
    }

    /// <summary>Applies one batch; true when the batch was full (more may be waiting).</summary>
    private async Task<bool> ProjectBatch()
    {
        var s = state.State;
        var page = await log.ReadAsync(s.Checkpoint, Options.BatchSize, audience: null, typePrefix: null);
        if (page.Events.Count == 0)
        {
            return false;
        }

        var changes = page.Events.Select(e => e.Reporting).OfType<ReportingChange>().ToList();
        var buckets = changes.SelectMany(c => c.Rows)
            .GroupBy(r => r.Bucket, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ReportFact>)[.. g.GroupBy(r => r.Fact.Key).Select(k => k.Select(r => r.Fact).MaxBy(f => f.Revision)!)]);
        await Task.WhenAll(buckets.Keys.GroupBy(ReportKeys.PeriodOfBucket)
            .Select(p => GrainFactory.GetGrain<IReportPeriodGrain>(p.Key).Add([.. p])));
        await Task.WhenAll(buckets.Select(b => GrainFactory.GetGrain<IReportBucketGrain>(b.Key).Apply(b.Value)));

        foreach (var change in changes)
        {
            Counters.AddTo(s.Counters, change.Counters, 1);
        }

        s.Checkpoint = page.Next;
        s.EventsRead += page.Events.Count;
        s.LastEventTime = page.Events.Max(e => e.Time);
        if (!await state.TryWriteAsync())
        {
            return true; // another activation stored first; go on from what it stored
        }

        var appliedAt = DateTimeOffset.UtcNow;
        foreach (var e in page.Events)
        {
            PlatformMetrics.ProjectionLag.Record(Math.Max(0, (appliedAt - e.Time).TotalSeconds));
        }

        return page.Events.Count >= Options.BatchSize;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reporting projection batch failed; retrying")]
    private static partial void LogBatchFailed(ILogger logger, Exception failure);
}
