using System.Security.Cryptography;
using System.Text;
using GenomDE.Orleans.Domain.Common;
using Orleans.Concurrency;

namespace GenomDE.Orleans.GrainInterfaces.Webhooks;

/// <summary>One participant's webhook endpoints (at most 10). Key: <see cref="KeyOf"/>.</summary>
[Alias("genomde.IWebhookRegistryGrain")]
public interface IWebhookRegistryGrain : IGrainWithStringKey
{
    public static string KeyOf(Caller caller) => $"{caller.Role}:{caller.ParticipantId}".ToLowerInvariant();

    /// <summary>Validates and registers an endpoint; a replay with the same request ID answers the
    /// first answer (including the secret) again.</summary>
    [Alias("Create")]
    Task<Result<WebhookWithSecret>> Create(CommandContext context, WebhookRegistration registration);

    [Alias("List")]
    Task<IReadOnlyList<WebhookView>> List(Caller caller);

    [Alias("Delete")]
    Task<Result<WebhookView>> Delete(Caller caller, string webhookId);
}

/// <summary>One webhook endpoint: its secret(s), its checkpoint in the event log, its delivery
/// attempts. Delivers on its own grain timer, so a slow receiver delays nothing else.
/// Key: <c>whk_</c> + 24 hex digits.</summary>
[Alias("genomde.IWebhookEndpointGrain")]
public interface IWebhookEndpointGrain : IGrainWithStringKey
{
    /// <summary>The endpoint ID a registration request gets: derived from the request ID, so a
    /// replayed request names the same endpoint.</summary>
    public static string IdFor(string requestId) =>
        "whk_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(requestId)))[..24];

    public static bool IsWellFormedId(string id) =>
        id.Length == 28 && id.StartsWith("whk_", StringComparison.Ordinal) && id[4..].All(char.IsAsciiHexDigitLower);

    /// <summary>Creates the endpoint once; later calls answer what was stored first.</summary>
    [Alias("Initialize")]
    Task<WebhookWithSecret> Initialize(WebhookSetup setup);

    /// <summary>The endpoint, or 404 <c>unknown_webhook</c> for anyone but its owner.</summary>
    [Alias("Get"), AlwaysInterleave] // a read never waits behind a slow delivery
    Task<Result<WebhookView>> Get(Caller caller);

    /// <summary>A new secret (answered once); the previous one keeps signing alongside for 24 h.</summary>
    [Alias("RotateSecret")]
    Task<Result<WebhookWithSecret>> RotateSecret(CommandContext context);

    [Alias("Deliveries"), AlwaysInterleave]
    Task<Result<IReadOnlyList<WebhookDelivery>>> Deliveries(Caller caller);

    /// <summary>The endpoint with its owner, for the operator (the console's failing endpoints).</summary>
    [Alias("Inspect"), AlwaysInterleave]
    Task<Result<OwnedWebhook>> Inspect(Caller caller);

    /// <summary>Stops delivering and forgets the endpoint (the owner's registry drops it).</summary>
    [Alias("Delete")]
    Task<Result<WebhookView>> Delete(Caller caller);

    /// <summary>New events may be in the log: deliver soon (unless waiting out a retry delay).</summary>
    [Alias("Wake"), OneWay]
    Task Wake();
}

/// <summary>The operator's view across every participant's webhook endpoints (stateless; key 0).</summary>
[Alias("genomde.IWebhookOverviewGrain")]
public interface IWebhookOverviewGrain : IGrainWithIntegerKey
{
    /// <summary>Delivering endpoints whose deliveries fail (<see cref="WebhookView.FailingSince"/> set), for the operator only.</summary>
    [Alias("Failing")]
    Task<Result<IReadOnlyList<OwnedWebhook>>> Failing(Caller caller);
}
