using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Events;
using GenomDE.Orleans.GrainInterfaces.Webhooks;

namespace GenomDE.Orleans.Grains.Webhooks;

/// <summary>One endpoint's durable state. Its size is bounded: the last
/// <see cref="MaxDeliveries"/> attempts, the last replies, at most two secrets.</summary>
[GenerateSerializer, Alias("genomde.webhook-endpoint-state")]
public sealed class WebhookEndpointState
{
    public const int MaxDeliveries = 100;

    /// <summary>Null until the owner's registry created the endpoint.</summary>
    [Id(0)]
    public WebhookSetup? Setup { get; set; }

    [Id(1)]
    public string? Secret { get; set; }

    [Id(2)]
    public string? PreviousSecret { get; set; }

    [Id(3)]
    public DateTimeOffset? PreviousSecretUntil { get; set; }

    [Id(4)]
    public bool Deleted { get; set; }

    [Id(5)]
    public DateTimeOffset? DisabledAt { get; set; }

    [Id(6)]
    public string? DisabledReason { get; set; }

    /// <summary>Everything up to here was delivered (or not meant for this endpoint).</summary>
    [Id(7)]
    public EventPosition? Checkpoint { get; set; }

    /// <summary>Failed attempts for the event at the head of the queue.</summary>
    [Id(8)]
    public int FailedAttempts { get; set; }

    [Id(9)]
    public DateTimeOffset? FailingSince { get; set; }

    [Id(10)]
    public DateTimeOffset? NextAttemptAt { get; set; }

    [Id(11)]
    public List<WebhookDelivery> Deliveries { get; set; } = [];

    [Id(12)]
    public IdempotentReplies<WebhookWithSecret> Replies { get; set; } = new();

    /// <summary>Outbox: the "endpoint disabled" event, stored with the decision and appended to the
    /// log afterwards (again after a crash) until the append succeeded.</summary>
    [Id(13)]
    public PlatformEvent? PendingNotice { get; set; }

    public bool Delivering => Setup is not null && !Deleted && DisabledAt is null;

    public WebhookView View(string id) => new(
        id, Setup!.Url, Setup.Types, Delivering, Setup.CreatedAt, FailingSince, DisabledAt, DisabledReason);

    public void Record(WebhookDelivery delivery)
    {
        Deliveries.Add(delivery);
        if (Deliveries.Count > MaxDeliveries)
        {
            Deliveries.RemoveRange(0, Deliveries.Count - MaxDeliveries);
        }
    }

    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        PreviousSecret is { } previous && PreviousSecretUntil > now ? [Secret!, previous] : [Secret!];
}
