using GenomDE.Orleans.Domain.Common;

namespace GenomDE.Orleans.GrainInterfaces.Webhooks;

/// <summary>What a participant asks for: where to deliver and which event types
/// (known types, prefixes of them, or <c>*</c> for all).</summary>
[GenerateSerializer, Immutable, Alias("genomde.webhook-registration")]
public sealed record WebhookRegistration(
    [property: Id(0)] string Url,
    [property: Id(1)] IReadOnlyList<string> Types);

/// <summary>A webhook endpoint as its owner sees it (never with its secret).</summary>
[GenerateSerializer, Immutable, Alias("genomde.webhook-view")]
public sealed record WebhookView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Url,
    [property: Id(2)] IReadOnlyList<string> Types,
    [property: Id(3)] bool Enabled,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset? FailingSince,
    [property: Id(6)] DateTimeOffset? DisabledAt,
    [property: Id(7)] string? DisabledReason);

/// <summary>The answer to registering an endpoint or rotating its secret: the only time the
/// <c>whsec_…</c> secret is shown.</summary>
[GenerateSerializer, Immutable, Alias("genomde.webhook-secret")]
public sealed record WebhookWithSecret(
    [property: Id(0)] WebhookView Webhook,
    [property: Id(1)] string Secret);

/// <summary>One delivery attempt: which event (<see cref="WebhookId"/> is the <c>webhook-id</c>
/// header, equal to the event ID on every retry), the attempt number for that event, when, the HTTP
/// status or the error, and how long it took.</summary>
[GenerateSerializer, Immutable, Alias("genomde.webhook-delivery")]
public sealed record WebhookDelivery(
    [property: Id(0)] string EventId,
    [property: Id(1)] string WebhookId,
    [property: Id(2)] int Attempt,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] int? Status,
    [property: Id(5)] string? Error,
    [property: Id(6)] long LatencyMs)
{
    public bool Succeeded => Status is >= 200 and < 300;
}

/// <summary>Everything an endpoint grain needs at creation (from the owner's registry).</summary>
[GenerateSerializer, Immutable, Alias("genomde.webhook-setup")]
public sealed record WebhookSetup(
    [property: Id(0)] Caller Owner,
    [property: Id(1)] string Url,
    [property: Id(2)] IReadOnlyList<string> Types,
    [property: Id(3)] string Secret,
    [property: Id(4)] DateTimeOffset CreatedAt);

/// <summary>An endpoint and the participant it belongs to (role:participantId), as the operator sees it.</summary>
[GenerateSerializer, Immutable, Alias("genomde.owned-webhook")]
public sealed record OwnedWebhook(
    [property: Id(0)] string Owner,
    [property: Id(1)] WebhookView Webhook);
