using System.Net;
using GenomDE.Orleans.ClientApi.Limits;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Nodes;
using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.GrainInterfaces.Webhooks;
using GenomDE.Orleans.Tests.Fixtures;

namespace GenomDE.Orleans.Tests.Api;

/// <summary>The lists that grow answer pages: a JSON array as before, the next page in an RFC 8288
/// <c>Link: &lt;…&gt;; rel="next"</c> header, absent on the last page.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class PagingTests(PlatformFixture platform)
{
    [Fact]
    public async Task Following_the_next_links_walks_the_whole_registry_once()
    {
        var http = platform.Client(ParticipantRole.Provider, "123456789");
        var everything = await (await http.GetAsync("/api/v1/payers?limit=1000")).Read<List<PayerView>>();

        var walked = new List<PayerView>();
        string? next = "/api/v1/payers?limit=2";
        var pages = 0;
        while (next is not null)
        {
            var response = await http.GetAsync(next);
            var page = await response.Read<List<PayerView>>();
            Assert.InRange(page.Count, 1, 2);
            walked.AddRange(page);
            next = NextLink(response);
            pages++;
        }

        Assert.Equal(everything.Select(p => p.Ik), walked.Select(p => p.Ik));
        Assert.Equal(walked.Select(p => p.Ik).Order(StringComparer.Ordinal), walked.Select(p => p.Ik)); // by IK
        Assert.Equal((everything.Count + 1) / 2, pages);
    }

    [Fact]
    public async Task The_next_link_keeps_the_filters()
    {
        var response = await platform.Operator().GetAsync("/api/v1/nodes?kind=gdc&limit=1");

        Assert.All(await response.Read<List<NodeView>>(), n => Assert.Equal(NodeKind.Gdc, n.Kind));
        var next = NextLink(response)!;
        Assert.StartsWith("/api/v1/nodes?kind=gdc&limit=1&cursor=", next, StringComparison.Ordinal);
        Assert.All(await (await platform.Operator().GetAsync(next)).Read<List<NodeView>>(), n => Assert.Equal(NodeKind.Gdc, n.Kind));
    }

    [Fact]
    public async Task A_participant_s_webhooks_come_in_pages_oldest_first()
    {
        var http = platform.Client(ParticipantRole.Cdn, TestIds.NodeId("KDK"));
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var created = await (await http.PostJson("/api/v1/webhooks", new { url = $"http://127.0.0.1:9/hook{i}", types = new[] { "*" } }, TestIds.Key()))
                .Read<WebhookWithSecret>(HttpStatusCode.Created);
            ids.Add(created.Webhook.Id);
        }

        var first = await http.GetAsync("/api/v1/webhooks?limit=2");
        var second = await http.GetAsync(NextLink(first)!);

        Assert.Equal(ids.Take(2), (await first.Read<List<WebhookView>>()).Select(w => w.Id));
        Assert.Equal(ids.Skip(2), (await second.Read<List<WebhookView>>()).Select(w => w.Id));
        Assert.Null(NextLink(second));
        Assert.Empty(await (await http.GetAsync("/api/v1/inbox?limit=5")).Read<List<GrainInterfaces.Cases.InboxEntry>>());
    }

    [Theory]
    [InlineData("/api/v1/providers?limit=0", "invalid_limit")]
    [InlineData("/api/v1/providers?limit=1001", "invalid_limit")]
    [InlineData("/api/v1/payers?limit=ten", "invalid_limit")]
    [InlineData("/api/v1/nodes?cursor=not-ours", "invalid_cursor")]
    [InlineData("/api/v1/webhooks?cursor=djE6MDow", "invalid_cursor")] // an event cursor is not a list cursor
    public async Task Invalid_limits_and_cursors_are_a_400(string path, string code)
    {
        await (await platform.Operator().GetAsync(path)).AssertProblem(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public void A_page_starts_after_the_cursor_s_key_in_ordinal_order()
    {
        string[] items = ["d", "a", "c", "b", "e"];

        var first = Paging.Take(items, i => i, new PageRequest(2, null));
        Assert.Equal(["a", "b"], first.Items);
        Assert.True(PageCursor.TryDecode(first.NextCursor, out var key));
        Assert.Equal("b", key);

        var last = Paging.Take(items, i => i, new PageRequest(3, key));
        Assert.Equal(["c", "d", "e"], last.Items);
        Assert.Null(last.NextCursor);

        // An item removed since the cursor was handed out does not shift the next page.
        Assert.Equal(["c"], Paging.Take(["a", "c", "d"], i => i, new PageRequest(1, "b")).Items);
    }

    [Fact]
    public void Time_keys_sort_like_the_times()
    {
        var early = Paging.TimeKey(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), "zzz");
        var late = Paging.TimeKey(new DateTimeOffset(2025, 1, 1, 3, 0, 0, TimeSpan.FromHours(2)), "aaa"); // 01:00 UTC

        Assert.True(string.CompareOrdinal(early, late) < 0);
    }

    private static string? NextLink(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var links))
        {
            return null;
        }

        var link = Assert.Single(links);
        Assert.EndsWith(">; rel=\"next\"", link, StringComparison.Ordinal);
        return link[1..link.IndexOf('>', StringComparison.Ordinal)];
    }
}
