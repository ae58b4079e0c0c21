using System.Net;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Webhooks;
using GenomDE.Orleans.Tests.Fixtures;

namespace GenomDE.Orleans.Tests.Events;

[Collection(PlatformCollectionDefinition.Name)]
public sealed class WebhooksApiTests(PlatformFixture platform)
{
    private const string Hook = "http://127.0.0.1:9/hook";

    [Fact]
    public async Task Register_list_get_and_delete_an_endpoint()
    {
        var http = platform.Client(ParticipantRole.Gdc, TestIds.NodeId("GRZ"));
        var response = await http.PostJson("/api/v1/webhooks", new { url = Hook, types = new[] { "de.genomde.case.", "de.genomde.node.approved.v1" } }, TestIds.Key());
        var created = await response.Read<WebhookWithSecret>(HttpStatusCode.Created);
        Assert.Matches("^whk_[0-9a-f]{24}$", created.Webhook.Id);
        Assert.Equal($"/api/v1/webhooks/{created.Webhook.Id}", response.Headers.Location?.ToString());
        Assert.StartsWith("whsec_", created.Secret, StringComparison.Ordinal);
        Assert.True(created.Webhook.Enabled);

        var listed = await (await http.GetAsync("/api/v1/webhooks")).Read<List<WebhookView>>();
        Assert.Equal(created.Webhook.Id, Assert.Single(listed).Id);
        var text = await (await http.GetAsync($"/api/v1/webhooks/{created.Webhook.Id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("whsec_", text, StringComparison.Ordinal); // the secret is only in the creation answer

        await (await http.DeleteAsync($"/api/v1/webhooks/{created.Webhook.Id}")).Read<WebhookView>();
        Assert.Empty(await (await http.GetAsync("/api/v1/webhooks")).Read<List<WebhookView>>());
        await (await http.GetAsync($"/api/v1/webhooks/{created.Webhook.Id}")).AssertProblem(HttpStatusCode.NotFound, "unknown_webhook");
    }

    [Fact]
    public async Task A_replayed_POST_with_the_same_Idempotency_Key_answers_identically_and_creates_one_endpoint()
    {
        var http = platform.Client(ParticipantRole.Provider, TestIds.Ik());
        var key = TestIds.Key();
        var first = await http.PostJson("/api/v1/webhooks", new { url = Hook, types = new[] { "*" } }, key);
        var second = await http.PostJson("/api/v1/webhooks", new { url = Hook, types = new[] { "*" } }, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Single(await (await http.GetAsync("/api/v1/webhooks")).Read<List<WebhookView>>());

        var rotateKey = TestIds.Key();
        var id = (await first.Read<WebhookWithSecret>(HttpStatusCode.Created)).Webhook.Id;
        var r1 = await (await http.PostJson($"/api/v1/webhooks/{id}/rotate-secret", new { }, rotateKey)).Content.ReadAsStringAsync();
        var r2 = await (await http.PostJson($"/api/v1/webhooks/{id}/rotate-secret", new { }, rotateKey)).Content.ReadAsStringAsync();
        Assert.Equal(r1, r2);

        // The same key for a different request is refused, not replayed.
        await (await http.PostJson("/api/v1/webhooks", new { url = Hook, types = new[] { "de.genomde.token." } }, key))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
    }

    [Fact]
    public async Task Another_participants_webhook_is_404_for_every_operation()
    {
        var owner = platform.Client(ParticipantRole.Provider, TestIds.Ik());
        var id = (await (await owner.PostJson("/api/v1/webhooks", new { url = Hook, types = new[] { "*" } }, TestIds.Key()))
            .Read<WebhookWithSecret>(HttpStatusCode.Created)).Webhook.Id;

        foreach (var stranger in new[] { platform.Client(ParticipantRole.Provider, TestIds.Ik()), platform.Operator(), platform.Client(ParticipantRole.Payer, TestIds.Ik()) })
        {
            await (await stranger.GetAsync($"/api/v1/webhooks/{id}")).AssertProblem(HttpStatusCode.NotFound, "unknown_webhook");
            await (await stranger.GetAsync($"/api/v1/webhooks/{id}/deliveries")).AssertProblem(HttpStatusCode.NotFound, "unknown_webhook");
            await (await stranger.DeleteAsync($"/api/v1/webhooks/{id}")).AssertProblem(HttpStatusCode.NotFound, "unknown_webhook");
            await (await stranger.PostJson($"/api/v1/webhooks/{id}/rotate-secret", new { }, TestIds.Key())).AssertProblem(HttpStatusCode.NotFound, "unknown_webhook");
            Assert.DoesNotContain(await (await stranger.GetAsync("/api/v1/webhooks")).Read<List<WebhookView>>(), w => w.Id == id);
        }

        // Still there for its owner.
        await (await owner.GetAsync($"/api/v1/webhooks/{id}")).Read<WebhookView>();
        await (await owner.GetAsync("/api/v1/webhooks/not-an-id")).AssertProblem(HttpStatusCode.NotFound, "unknown_webhook");
    }

    [Theory]
    [InlineData("https://10.0.0.1/hook", "*", "invalid_webhook_url")]
    [InlineData("https://169.254.169.254/latest", "*", "invalid_webhook_url")]
    [InlineData("ftp://127.0.0.1/hook", "*", "invalid_webhook_url")]
    [InlineData("not a url", "*", "invalid_webhook_url")]
    [InlineData(Hook, "de.genomde.case.exploded.v1", "unknown_event_type")]
    [InlineData(Hook, "com.example.", "unknown_event_type")]
    public async Task Hostile_or_unknown_input_is_a_400_problem(string url, string type, string code)
    {
        var http = platform.Client(ParticipantRole.Provider, TestIds.Ik());
        await (await http.PostJson("/api/v1/webhooks", new { url, types = new[] { type } }, TestIds.Key())).AssertProblem(HttpStatusCode.BadRequest, code);
        Assert.Empty(await (await http.GetAsync("/api/v1/webhooks")).Read<List<WebhookView>>());
    }

    [Fact]
    public async Task Overlong_urls_and_empty_type_lists_are_refused()
    {
        var http = platform.Client(ParticipantRole.Provider, TestIds.Ik());
        await (await http.PostJson("/api/v1/webhooks", new { url = "http://127.0.0.1:9/" + new string('a', 2048), types = new[] { "*" } }, TestIds.Key()))
            .AssertProblem(HttpStatusCode.BadRequest, "text_too_long"); // the API's limit, before the registry's own check
        await (await http.PostJson("/api/v1/webhooks", new { url = Hook, types = Array.Empty<string>() }, TestIds.Key()))
            .AssertProblem(HttpStatusCode.BadRequest, "unknown_event_type");
    }

    [Fact]
    public async Task The_eleventh_endpoint_is_a_409()
    {
        var http = platform.Client(ParticipantRole.Payer, TestIds.Ik());
        for (var i = 0; i < 10; i++)
        {
            await (await http.PostJson("/api/v1/webhooks", new { url = $"{Hook}/{i}", types = new[] { "de.genomde.token." } }, TestIds.Key())).Read<WebhookWithSecret>(HttpStatusCode.Created);
        }

        await (await http.PostJson("/api/v1/webhooks", new { url = Hook, types = new[] { "*" } }, TestIds.Key())).AssertProblem(HttpStatusCode.Conflict, "too_many_webhooks");
    }
}
