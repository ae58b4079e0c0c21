using System.Net;
using System.Text.Json;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Events;
using GenomDE.Orleans.GrainInterfaces.Webhooks;
using GenomDE.Orleans.Tests.Fixtures;

namespace GenomDE.Orleans.Tests.Events;

[Collection(PlatformCollectionDefinition.Name)]
public sealed class WebhookDeliveryTests(PlatformFixture platform)
{
    [Fact]
    public async Task Every_event_arrives_verified_in_order_once_per_webhook_id_despite_failures()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failuresPerMessage: 2);
        var ik = TestIds.Ik();
        var http = platform.Client(ParticipantRole.Provider, ik);
        var created = await (await http.PostJson("/api/v1/webhooks", new { url = receiver.Url.ToString(), types = new[] { "de.genomde.case." } }, TestIds.Key()))
            .Read<WebhookWithSecret>(HttpStatusCode.Created);
        receiver.Secrets.Add(created.Secret);

        var wanted = new[] { SyntheticEvents.Case(ik), SyntheticEvents.Case(ik, "data_received"), SyntheticEvents.Case(ik, "basic_qc_reported") };
        var notSubscribed = SyntheticEvents.Token(ik);
        var otherParticipant = SyntheticEvents.Case(TestIds.Ik());
        await platform.EventLog().AppendAsync([wanted[0], notSubscribed, otherParticipant, wanted[1]]);
        await platform.EventLog().AppendAsync([wanted[2], wanted[0]]); // at-least-once producers repeat

        var accepted = await receiver.WaitFor(3, TimeSpan.FromSeconds(45));

        Assert.Empty(receiver.Problems);
        Assert.Equal(wanted.Select(e => e.Id), accepted.Select(r => r.EventId));
        Assert.All(accepted, r => Assert.Equal(r.EventId, r.WebhookId));
        Assert.All(accepted, r => Assert.Equal(3, r.Attempt));

        // The deliveries endpoint shows the two failed attempts and the success of each event.
        var deliveries = await (await http.GetAsync($"/api/v1/webhooks/{created.Webhook.Id}/deliveries")).Read<List<WebhookDelivery>>();
        foreach (var e in wanted)
        {
            var attempts = deliveries.Where(d => d.EventId == e.Id).OrderBy(d => d.Attempt).ToList();
            Assert.Equal([1, 2, 3], attempts.Select(a => a.Attempt));
            Assert.Equal([500, 500, 204], attempts.Select(a => a.Status));
            Assert.All(attempts, a => Assert.Equal(e.Id, a.WebhookId));
        }

        Assert.DoesNotContain(deliveries, d => d.EventId == notSubscribed.Id || d.EventId == otherParticipant.Id);
    }

    [Fact]
    public async Task A_backlog_larger_than_one_delivery_run_is_delivered_in_order_without_stalling()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failuresPerMessage: 0);
        var ik = TestIds.Ik();
        var created = await (await platform.Client(ParticipantRole.Provider, ik).PostJson("/api/v1/webhooks", new { url = receiver.Url.ToString(), types = new[] { "*" } }, TestIds.Key()))
            .Read<WebhookWithSecret>(HttpStatusCode.Created);
        receiver.Secrets.Add(created.Secret);
        var backlog = Enumerable.Range(0, 1050).Select(_ => SyntheticEvents.Case(ik)).ToList();

        await platform.EventLog().AppendAsync(backlog);

        // One run delivers up to 1,000 events; the rest follows at once, not after the poll interval.
        var accepted = await receiver.WaitFor(backlog.Count, TimeSpan.FromSeconds(8));
        Assert.Equal(backlog.Select(e => e.Id), accepted.Select(r => r.EventId));
    }

    [Fact]
    public async Task After_rotation_both_the_old_and_the_new_secret_verify_deliveries()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failuresPerMessage: 0);
        var ik = TestIds.Ik();
        var http = platform.Client(ParticipantRole.Provider, ik);
        var created = await (await http.PostJson("/api/v1/webhooks", new { url = receiver.Url.ToString(), types = new[] { "*" } }, TestIds.Key()))
            .Read<WebhookWithSecret>(HttpStatusCode.Created);
        var rotated = await (await http.PostJson($"/api/v1/webhooks/{created.Webhook.Id}/rotate-secret", new { }, TestIds.Key())).Read<WebhookWithSecret>();
        Assert.NotEqual(created.Secret, rotated.Secret);
        Assert.StartsWith("whsec_", rotated.Secret, StringComparison.Ordinal);

        receiver.Secrets.Add(created.Secret); // a receiver that has not switched yet
        await platform.EventLog().AppendAsync([SyntheticEvents.Case(ik)]);
        Assert.Single(await receiver.WaitFor(1, TimeSpan.FromSeconds(30)));
        Assert.Empty(receiver.Problems);

        receiver.Secrets.Clear();
        receiver.Secrets.Add(rotated.Secret); // and one that has
        await platform.EventLog().AppendAsync([SyntheticEvents.Case(ik, "data_received")]);
        Assert.Equal(2, (await receiver.WaitFor(2, TimeSpan.FromSeconds(30))).Count);
        Assert.Empty(receiver.Problems);
    }

    [Fact]
    public async Task An_endpoint_failing_longer_than_DisableAfter_is_disabled_and_its_owner_told_through_the_feed()
    {
        var ik = TestIds.Ik();
        var http = platform.Client(ParticipantRole.Provider, ik);
        var created = await (await http.PostJson("/api/v1/webhooks", new { url = "http://127.0.0.1:9/unreachable", types = new[] { "de.genomde.case." } }, TestIds.Key()))
            .Read<WebhookWithSecret>(HttpStatusCode.Created);
        var e = SyntheticEvents.Case(ik);
        await platform.EventLog().AppendAsync([e]);

        // Webhooks:DisableAfter is 15 s in the test cluster (3 days in production).
        var disabledType = EventTypes.Of("webhook", "endpoint_disabled");
        List<string> notices = [];
        for (var waited = 0; waited < 60 && notices.Count == 0; waited++)
        {
            await Task.Delay(1000);
            notices = (await EventFeedApiTests.Page(http, $"/api/v1/events?type={disabledType}")).Ids;
        }

        Assert.Single(notices);
        var view = await (await http.GetAsync($"/api/v1/webhooks/{created.Webhook.Id}")).Read<WebhookView>();
        Assert.False(view.Enabled);
        Assert.NotNull(view.DisabledAt);
        var deliveries = await (await http.GetAsync($"/api/v1/webhooks/{created.Webhook.Id}/deliveries")).Read<List<WebhookDelivery>>();
        Assert.True(deliveries.Count >= 3);
        Assert.All(deliveries, d => Assert.True(d.Status is null && d.Error is not null && d.EventId == e.Id));
        Assert.Equal(Enumerable.Range(1, deliveries.Count).Reverse(), deliveries.Select(d => d.Attempt)); // newest first
    }

    [Fact]
    public async Task A_dead_endpoint_does_not_hold_up_another_participants_endpoint()
    {
        var ik = TestIds.Ik();
        var dead = platform.Client(ParticipantRole.Provider, ik);
        await (await dead.PostJson("/api/v1/webhooks", new { url = "http://127.0.0.1:9/unreachable", types = new[] { "*" } }, TestIds.Key()))
            .Read<WebhookWithSecret>(HttpStatusCode.Created);

        await using var receiver = await WebhookReceiver.StartAsync(failuresPerMessage: 0);
        var other = TestIds.Ik();
        var created = await (await platform.Client(ParticipantRole.Provider, other).PostJson("/api/v1/webhooks", new { url = receiver.Url.ToString(), types = new[] { "*" } }, TestIds.Key()))
            .Read<WebhookWithSecret>(HttpStatusCode.Created);
        receiver.Secrets.Add(created.Secret);

        await platform.EventLog().AppendAsync([SyntheticEvents.Case(ik), SyntheticEvents.Case(other)]);

        Assert.Single(await receiver.WaitFor(1, TimeSpan.FromSeconds(30)));
        var view = await (await dead.GetAsync("/api/v1/webhooks")).Read<List<WebhookView>>();
        Assert.True(Assert.Single(view).Enabled);
    }
}
