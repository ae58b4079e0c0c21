using System.Net;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Webhooks;
using GenomDE.Orleans.Tests.Fixtures;

namespace GenomDE.Orleans.Tests.Events;

[Collection(PostgresCollectionDefinition.Name)]
public sealed class PostgresWebhookTests(PostgresPlatformFixture platform)
{
    [Fact]
    public async Task Endpoints_and_their_checkpoints_survive_a_whole_cluster_restart()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failuresPerMessage: 0);
        var ik = TestIds.Ik();
        var created = await (await platform.Client(ParticipantRole.Provider, ik)
            .PostJson("/api/v1/webhooks", new { url = receiver.Url.ToString(), types = new[] { "*" } }, TestIds.Key()))
            .Read<WebhookWithSecret>(HttpStatusCode.Created);
        receiver.Secrets.Add(created.Secret);
        var before = SyntheticEvents.Case(ik);
        await platform.EventLog().AppendAsync([before]);
        Assert.Single(await receiver.WaitFor(1, TimeSpan.FromSeconds(30)));

        await platform.RestartEverythingAsync(crash: true);

        var http = platform.Client(ParticipantRole.Provider, ik);
        var view = await (await http.GetAsync($"/api/v1/webhooks/{created.Webhook.Id}")).Read<WebhookView>();
        Assert.Equal((created.Webhook.Url, created.Webhook.CreatedAt, true), (view.Url, view.CreatedAt, view.Enabled));
        Assert.Equal(created.Webhook.Types, view.Types);
        var after = SyntheticEvents.Case(ik, "data_received");
        await platform.EventLog().AppendAsync([after]);

        var accepted = await receiver.WaitFor(2, TimeSpan.FromSeconds(60));
        Assert.Equal([before.Id, after.Id], accepted.Select(r => r.EventId)); // resumed from its checkpoint: nothing lost
        Assert.Empty(receiver.Problems);
    }
}
