using GenomDE.Orleans.GrainInterfaces.Events;
using GenomDE.Orleans.GrainInterfaces.Webhooks;
using GenomDE.Orleans.Grains.Common;
using Orleans.Streams;

namespace GenomDE.Orleans.Grains.Webhooks;

/// <summary>Every live endpoint of the platform, to wake them when the log grows. It is the
/// implicit subscriber of the "events appended" stream (implicit: no subscription state that a
/// leaving silo could lose). Bounded by participants × 10 endpoints.</summary>
[Alias("genomde.IWebhookDirectoryGrain")]
public interface IWebhookDirectoryGrain : IGrainWithStringKey
{
    public const string Key = EventStreams.Key;

    [Alias("Add")]
    Task Add(string webhookId);

    [Alias("Remove")]
    Task Remove(string webhookId);

    [Alias("Endpoints"), global::Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<string>> Endpoints();
}

[GenerateSerializer, Alias("genomde.webhook-directory-state")]
public sealed class WebhookDirectoryState
{
    [Id(0)]
    public HashSet<string> Endpoints { get; set; } = new(StringComparer.Ordinal);
}

[GrainType("webhook-directory"), ImplicitStreamSubscription(EventStreams.Namespace)]
public sealed class WebhookDirectoryGrain(
    [PersistentState("webhook-directory", StorageNames.Platform)] IPersistentState<WebhookDirectoryState> state) : Grain, IWebhookDirectoryGrain
{
    public Task Add(string webhookId) => state.UpdateAsync(s => s.Endpoints.Add(webhookId));

    public Task Remove(string webhookId) => state.UpdateAsync(s => s.Endpoints.Remove(webhookId));

    public Task<IReadOnlyList<string>> Endpoints() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Endpoints.Order(StringComparer.Ordinal)]);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(EventStreams.Provider)
            .GetStream<EventsAppended>(StreamId.Create(EventStreams.Namespace, this.GetPrimaryKeyString()));
        await stream.SubscribeAsync((_, _) => WakeAll());

        // Activated after a restart or a move: let every endpoint look at the log now instead of
        // waiting for its next reminder tick.
        await WakeAll();
    }

    private Task WakeAll()
    {
        foreach (var id in state.State.Endpoints)
        {
            _ = GrainFactory.GetGrain<IWebhookEndpointGrain>(id).Wake(); // one-way
        }

        return Task.CompletedTask;
    }
}
