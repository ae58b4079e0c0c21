using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Webhooks;

namespace GenomDE.Orleans.Grains.Webhooks;

[GenerateSerializer, Alias("genomde.webhook-registry-state")]
public sealed class WebhookRegistryState
{
    /// <summary>The participant's endpoint IDs (at most <see cref="WebhookOptions.MaxEndpointsPerParticipant"/>).</summary>
    [Id(0)]
    public List<string> Endpoints { get; set; } = [];

    [Id(1)]
    public IdempotentReplies<WebhookWithSecret> Replies { get; set; } = new();
}
