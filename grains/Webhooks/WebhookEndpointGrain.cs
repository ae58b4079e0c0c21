using System.Diagnostics;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Events;
using GenomDE.Orleans.GrainInterfaces.Webhooks;
using GenomDE.Orleans.Grains.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenomDE.Orleans.Grains.Webhooks;

/// <summary>One webhook endpoint. Delivery runs on this grain's own timer, never in a request path:
/// it reads the log from the endpoint's checkpoint (the owner's audience only), delivers strictly in
/// order, and advances the checkpoint after a 2xx. A failure keeps the event at the head and retries
/// it with backoff under the same <c>webhook-id</c>; an endpoint failing for
/// <see cref="WebhookOptions.DisableAfter"/> is disabled and its owner told through the log. A
/// durable reminder brings the endpoint back after restarts; stream notifications wake it early.</summary>
[GrainType("webhook-endpoint")]
public sealed partial class WebhookEndpointGrain(
    [PersistentState("webhook-endpoint", StorageNames.Platform)] IPersistentState<WebhookEndpointState> state,
    IEventLog log,
    WebhookSender sender,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookEndpointGrain> logger) : Grain, IWebhookEndpointGrain, IRemindable
{
    private const string ReminderName = "deliver";
    private const int BatchSize = 100;
    private const int MaxBatchesPerRun = 10;
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private IGrainTimer? _timer;
    private bool _reminderChecked;

    private string Id => this.GetPrimaryKeyString();

    private WebhookOptions Options => options.Value;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Delivering)
        {
            Schedule(TimeSpan.FromSeconds(1));
        }

        return Task.CompletedTask;
    }

    public async Task<WebhookWithSecret> Initialize(WebhookSetup setup)
    {
        if (state.State.Setup is null)
        {
            await state.UpdateAsync(s =>
            {
                if (s.Setup is not null)
                {
                    return false;
                }

                s.Setup = setup;
                s.Secret = setup.Secret;
                return true;
            });
            await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
            Schedule(TimeSpan.Zero);
        }

        return new WebhookWithSecret(state.State.View(Id), state.State.Setup!.Secret);
    }

    public Task<Result<WebhookView>> Get(Caller caller) =>
        Task.FromResult(IsOwner(caller) ? Result<WebhookView>.Success(state.State.View(Id)) : Unknown<WebhookView>());

    public Task<Result<OwnedWebhook>> Inspect(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return Task.FromResult(caller.IsOperator && state.State.Setup is { } setup && !state.State.Deleted
            ? Result<OwnedWebhook>.Success(new OwnedWebhook(IWebhookRegistryGrain.KeyOf(setup.Owner), state.State.View(Id)))
            : Unknown<OwnedWebhook>());
    }

    public Task<Result<IReadOnlyList<WebhookDelivery>>> Deliveries(Caller caller) =>
        Task.FromResult(IsOwner(caller)
            ? Result<IReadOnlyList<WebhookDelivery>>.Success([.. state.State.Deliveries.AsEnumerable().Reverse()])
            : Unknown<IReadOnlyList<WebhookDelivery>>());

    public async Task<Result<WebhookWithSecret>> RotateSecret(CommandContext context)
    {
        if (!IsOwner(context.Caller))
        {
            return Unknown<WebhookWithSecret>();
        }

        const string fingerprint = "rotate-secret";
        Result<WebhookWithSecret>? rotated = null;
        if (state.State.Replies.Find(context, fingerprint) is null)
        {
            var secret = WebhookSecrets.New();
            var until = clock.GetUtcNow() + Options.SecretOverlap;
            await state.UpdateAsync(s =>
            {
                if (s.Replies.Find(context, fingerprint) is not null || s.Deleted)
                {
                    return false;
                }

                s.PreviousSecret = s.Secret;
                s.PreviousSecretUntil = until;
                s.Secret = secret;
                rotated = Result<WebhookWithSecret>.Success(new WebhookWithSecret(s.View(Id), secret));
                s.Replies.Remember(context, fingerprint, rotated);
                return true;
            });
        }

        return state.State.Replies.Find(context, fingerprint) ?? rotated ?? Unknown<WebhookWithSecret>();
    }

    public async Task<Result<WebhookView>> Delete(Caller caller)
    {
        if (!IsOwner(caller))
        {
            return Unknown<WebhookView>();
        }

        await state.UpdateAsync(s => !s.Deleted && (s.Deleted = true));
        await StopDelivering();
        return Result<WebhookView>.Success(state.State.View(Id));
    }

    public Task Wake()
    {
        if (state.State.Delivering && !(state.State.NextAttemptAt > clock.GetUtcNow()))
        {
            Schedule(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!state.State.Delivering)
        {
            await StopDelivering();
            return;
        }

        var due = state.State.NextAttemptAt - clock.GetUtcNow();
        Schedule(due > TimeSpan.Zero ? due.Value : TimeSpan.Zero);
    }

    /// <summary>(Re)arms the one-shot delivery timer. It does not interleave with the grain's other
    /// calls, so a run sees consistent state; the next due time is chosen after each run.</summary>
    private void Schedule(TimeSpan due)
    {
        if (_timer is null)
        {
            _timer = this.RegisterGrainTimer(Run, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { Interleave = false, KeepAlive = false });
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task Run(CancellationToken cancellationToken)
    {
        TimeSpan next;
        try
        {
            next = await DeliverDue(cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogRunFailed(logger, failure, Id);
            if (FailedCallFilter.IsStorageFault(failure))
            {
                DeactivateOnIdle(); // memory may hold unsaved state; the reminder reactivates from storage
                return;
            }

            next = Options.PollInterval;
        }

        if (state.State.Delivering)
        {
            Schedule(next);
        }
    }

    /// <summary>Delivers what is due; answers when to look again.</summary>
    private async Task<TimeSpan> DeliverDue(CancellationToken cancellationToken)
    {
        var s = state.State;
        if (!s.Delivering)
        {
            return Timeout.InfiniteTimeSpan;
        }

        await EnsureReminder();
        await FlushNotice();
        if (s.NextAttemptAt - clock.GetUtcNow() is { } wait && wait > TimeSpan.Zero)
        {
            return wait;
        }

        var setup = s.Setup!;
        var url = new Uri(setup.Url);
        var audience = Audiences.Of(setup.Owner);
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            var page = await log.ReadAsync(s.Checkpoint, BatchSize, audience, null, cancellationToken);
            var dirty = false;
            for (var i = 0; i < page.Events.Count; i++)
            {
                var e = page.Events[i];
                var position = page.PositionOf(i) ?? throw new InvalidOperationException("The event log gave no position.");
                if (!Wants(setup, e))
                {
                    s.Checkpoint = position;
                    dirty = true;
                    continue;
                }

                var delivery = await Send(url, e, s, cancellationToken);
                s.Record(delivery);
                if (delivery.Succeeded)
                {
                    s.Checkpoint = position;
                    s.FailedAttempts = 0;
                    s.FailingSince = null;
                    s.NextAttemptAt = null;
                    dirty = true;
                    continue;
                }

                return await Failed(delivery);
            }

            // Checkpoints are written per batch: a crash repeats at most one batch (same webhook-ids).
            if (dirty && !await state.TryWriteAsync())
            {
                return Options.PollInterval; // another activation wrote; continue from what it stored
            }

            if (page.Events.Count < BatchSize)
            {
                return Options.PollInterval;
            }
        }

        // More is waiting (catching up after a pause): continue right after other calls had their turn.
        return TimeSpan.Zero;
    }

    /// <summary>One attempt, as a trace of its own (the HTTP call inside it): it runs on a timer, under no request.</summary>
    private async Task<WebhookDelivery> Send(Uri url, PlatformEvent e, WebhookEndpointState s, CancellationToken cancellationToken)
    {
        using var span = PlatformMetrics.Activities.StartActivity("genomde.webhook.deliver");
        span?.SetTag("genomde.webhook.id", Id);
        span?.SetTag("cloudevents.event_id", e.Id);
        span?.SetTag("cloudevents.event_type", e.Type);
        var delivery = await sender.SendAsync(url, e.Id, CloudEventJson.Encode(e), s.SigningSecrets(clock.GetUtcNow()), s.FailedAttempts + 1, cancellationToken);
        span?.SetTag("genomde.webhook.attempt", delivery.Attempt);
        if (!delivery.Succeeded)
        {
            span?.SetStatus(ActivityStatusCode.Error, delivery.Error ?? $"HTTP {delivery.Status}");
        }

        return delivery;
    }

    private async Task<TimeSpan> Failed(WebhookDelivery delivery)
    {
        PlatformMetrics.WebhookDeliveryFailures.Add(1, new KeyValuePair<string, object?>("error.type", delivery.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no_response"));
        var s = state.State;
        var now = clock.GetUtcNow();
        s.FailedAttempts++;
        s.FailingSince ??= delivery.At;
        TimeSpan next;
        if (now - s.FailingSince >= Options.DisableAfter)
        {
            s.DisabledAt = now;
            s.DisabledReason = $"failing since {s.FailingSince:O} ({s.FailedAttempts} failed attempts for event {delivery.EventId})";
            s.NextAttemptAt = null;
            s.PendingNotice = DisabledNotice(s, now);
            next = Timeout.InfiniteTimeSpan;
        }
        else
        {
            next = RetrySchedule.DelayAfter(s.FailedAttempts, Options.FirstRetryDelay, Options.MaxRetryDelay, Random.Shared.NextDouble());
            s.NextAttemptAt = now + next;
        }

        if (!await state.TryWriteAsync())
        {
            return Options.PollInterval;
        }

        if (s.DisabledAt is not null)
        {
            await FlushNotice();
            await StopDelivering();
        }

        return next;
    }

    /// <summary>Appends the stored "endpoint disabled" event, then clears it (at least once: the
    /// event ID is fixed, so a repeat is deduplicated by the log).</summary>
    private async Task FlushNotice()
    {
        if (state.State.PendingNotice is not { } notice)
        {
            return;
        }

        await log.AppendAsync([notice]);
        await state.UpdateAsync(s => s.PendingNotice is not null && (s.PendingNotice = null) is null);
    }

    private PlatformEvent DisabledNotice(WebhookEndpointState s, DateTimeOffset now)
    {
        var owner = s.Setup!.Owner;
        return new PlatformEvent(
            Id: $"{Id}:disabled:{now.ToUnixTimeMilliseconds()}",
            Type: EventTypes.Of("webhook", "endpoint_disabled"),
            Source: $"/genomde/webhooks/{Id}",
            Subject: Id,
            Time: now,
            Data: new Dictionary<string, string?> { ["webhookId"] = Id, ["failingSince"] = s.FailingSince?.ToString("O"), ["status"] = "disabled" },
            Audience: Audiences.Of(owner) is { } audience ? [audience] : [],
            OrderingKey: Id);
    }

    private async Task StopDelivering()
    {
        _timer?.Dispose();
        _timer = null;
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        await GrainFactory.GetGrain<IWebhookDirectoryGrain>(IWebhookDirectoryGrain.Key).Remove(Id);
    }

    /// <summary>Once per activation: the reminder that resumes delivery after a restart exists
    /// (its registration at creation may have failed after the state was written).</summary>
    private async Task EnsureReminder()
    {
        if (!_reminderChecked && await this.GetReminder(ReminderName) is null)
        {
            await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
        }

        _reminderChecked = true;
    }

    /// <summary>Only events of the subscribed types that happened once the endpoint existed.</summary>
    private static bool Wants(WebhookSetup setup, PlatformEvent e) =>
        e.Time >= setup.CreatedAt && setup.Types.Any(t => t == "*" || e.Type.StartsWith(t, StringComparison.Ordinal));

    private bool IsOwner(Caller caller) => state.State.Setup is { } setup && !state.State.Deleted && setup.Owner == caller;

    private Result<T> Unknown<T>() =>
        DomainError.NotFound("unknown_webhook", "Unknown webhook", $"No webhook '{Id}' exists for this participant.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery run of {Webhook} failed; retrying later")]
    private static partial void LogRunFailed(ILogger logger, Exception failure, string webhook);
}
