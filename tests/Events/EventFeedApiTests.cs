using System.Net;
using System.Text.Json;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Events;
using GenomDE.Orleans.Tests.Fixtures;

namespace GenomDE.Orleans.Tests.Events;

[Collection(PlatformCollectionDefinition.Name)]
public sealed class EventFeedApiTests(PlatformFixture platform)
{
    [Fact]
    public async Task Pages_of_CloudEvents_resume_exactly_at_the_cursor()
    {
        var ik = TestIds.Ik();
        var appended = Enumerable.Range(0, 5).Select(_ => SyntheticEvents.Case(ik)).ToList();
        await platform.EventLog().AppendAsync(appended);
        var http = platform.Client(ParticipantRole.Provider, ik);

        List<string> seen = [];
        string? cursor = null;
        for (var page = 0; page < 3; page++)
        {
            var (ids, next) = await Page(http, $"/api/v1/events?limit=2{(cursor is null ? "" : $"&after={cursor}")}");
            Assert.Equal(page < 2 ? 2 : 1, ids.Count);
            seen.AddRange(ids);
            cursor = next;
        }

        Assert.Equal(appended.Select(e => e.Id), seen);
        var (empty, unchanged) = await Page(http, $"/api/v1/events?after={cursor}");
        Assert.Empty(empty);
        Assert.Equal(cursor, unchanged);

        // Appending later continues right there.
        var later = SyntheticEvents.Case(ik, "data_received");
        await platform.EventLog().AppendAsync([later]);
        Assert.Equal([later.Id], (await Page(http, $"/api/v1/events?after={cursor}")).Ids);
    }

    [Fact]
    public async Task Each_event_is_CloudEvents_1_0_json_with_ids_and_statuses_only()
    {
        var ik = TestIds.Ik();
        var e = SyntheticEvents.Case(ik, "submission_accepted");
        await platform.EventLog().AppendAsync([e]);

        var response = await platform.Client(ParticipantRole.Provider, ik).GetAsync("/api/v1/events");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var ce = Assert.Single(body.RootElement.GetProperty("events").EnumerateArray());
        Assert.Equal("1.0", ce.GetProperty("specversion").GetString());
        Assert.Equal(e.Id, ce.GetProperty("id").GetString());
        Assert.Equal(e.Source, ce.GetProperty("source").GetString());
        Assert.Equal("de.genomde.case.submission_accepted.v1", ce.GetProperty("type").GetString());
        Assert.Equal(e.Subject, ce.GetProperty("subject").GetString());
        Assert.Equal("application/json", ce.GetProperty("datacontenttype").GetString());
        Assert.Equal(e.Time.ToUnixTimeMilliseconds(), DateTimeOffset.Parse(ce.GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds());
        Assert.Equal("submission_accepted", ce.GetProperty("data").GetProperty("status").GetString());
        Assert.False(ce.TryGetProperty("audience", out _));
    }

    [Fact]
    public async Task A_participant_sees_only_its_own_events_and_the_operator_sees_all()
    {
        var (a, b, node) = (TestIds.Ik(), TestIds.Ik(), TestIds.NodeId("GRZ"));
        var forA = SyntheticEvents.Case(a, moreAudience: Audiences.Node(node));
        var forB = SyntheticEvents.Case(b);
        await platform.EventLog().AppendAsync([forA, forB]);

        Assert.Equal([forA.Id], (await Page(platform.Client(ParticipantRole.Provider, a), "/api/v1/events")).Ids);
        Assert.Equal([forB.Id], (await Page(platform.Client(ParticipantRole.Provider, b), "/api/v1/events")).Ids);
        Assert.Equal([forA.Id], (await Page(platform.Client(ParticipantRole.Gdc, node), "/api/v1/events")).Ids);
        Assert.Empty((await Page(platform.Client(ParticipantRole.Payer, TestIds.Ik()), "/api/v1/events")).Ids);

        var all = await ReadAll(platform.Operator(), "/api/v1/events?limit=1000");
        Assert.Contains(forA.Id, all);
        Assert.Contains(forB.Id, all);
    }

    [Fact]
    public async Task The_type_filter_selects_by_prefix()
    {
        var ik = TestIds.Ik();
        var registered = SyntheticEvents.Case(ik);
        var token = SyntheticEvents.Token(ik);
        await platform.EventLog().AppendAsync([registered, token]);
        var http = platform.Client(ParticipantRole.Provider, ik);

        Assert.Equal([token.Id], (await Page(http, "/api/v1/events?type=de.genomde.token.")).Ids);
        Assert.Equal([registered.Id], (await Page(http, "/api/v1/events?type=de.genomde.case.registered.v1")).Ids);
    }

    [Theory]
    [InlineData("after=not-a-cursor", "invalid_cursor")]
    [InlineData("after=djI6MToy", "invalid_cursor")] // base64url of "v2:1:2": a version we never issued
    [InlineData("after=%E2%82%AC", "invalid_cursor")]
    [InlineData("limit=0", "invalid_limit")]
    [InlineData("limit=1001", "invalid_limit")]
    [InlineData("limit=ten", "invalid_limit")]
    [InlineData("limit=-5", "invalid_limit")]
    [InlineData("type=de.genomde.case.exploded.v1", "unknown_event_type")]
    [InlineData("type=com.example.", "unknown_event_type")]
    public async Task Bad_query_parameters_are_400_problems(string query, string code)
    {
        var response = await platform.Client(ParticipantRole.Provider, TestIds.Ik()).GetAsync($"/api/v1/events?{query}");
        await response.AssertProblem(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        await (await platform.AnonymousClient().GetAsync("/api/v1/events")).AssertProblem(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    internal static async Task<(List<string> Ids, string Next)> Page(HttpClient http, string url)
    {
        var response = await http.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var body = JsonDocument.Parse(text);
        return (
            [.. body.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetString()!)],
            body.RootElement.GetProperty("next").GetString()!);
    }

    private static async Task<List<string>> ReadAll(HttpClient http, string url)
    {
        List<string> all = [];
        var (ids, next) = await Page(http, url);
        while (ids.Count > 0)
        {
            all.AddRange(ids);
            (ids, next) = await Page(http, $"{url}&after={next}");
        }

        return all;
    }
}
