using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Webhooks;
using Orleans.Concurrency;

namespace GenomDE.Orleans.Grains.Webhooks;

/// <summary>Failing endpoints across all participants, for the operator: the directory knows every
/// delivering endpoint (bounded by participants × 10), each endpoint its own state.</summary>
[GrainType("webhook-overview"), StatelessWorker]
public sealed class WebhookOverviewGrain : Grain, IWebhookOverviewGrain
{
    public async Task<Result<IReadOnlyList<OwnedWebhook>>> Failing(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsOperator)
        {
            return DomainError.Forbidden("The webhook overview is for the operator.");
        }

        var ids = await GrainFactory.GetGrain<IWebhookDirectoryGrain>(IWebhookDirectoryGrain.Key).Endpoints();
        var views = await Task.WhenAll(ids.Select(id => GrainFactory.GetGrain<IWebhookEndpointGrain>(id).Inspect(caller)));
        return Result<IReadOnlyList<OwnedWebhook>>.Success(
            [.. views.Where(v => v.IsSuccess && v.Value!.Webhook.FailingSince is not null).Select(v => v.Value!).OrderBy(v => v.Webhook.FailingSince)]);
    }
}
