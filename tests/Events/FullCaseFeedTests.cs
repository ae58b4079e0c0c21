using System.Net;
using System.Text;
using System.Text.Json;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Tokens;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.GrainInterfaces.Webhooks;
using GenomDE.Orleans.Tests.Cases;
using GenomDE.Orleans.Tests.Fixtures;
using GenomDE.Orleans.Tests.Submissions;

namespace GenomDE.Orleans.Tests.Events;

/// <summary>A whole case through the REST API, then each participant's feed: the events the
/// grains emitted themselves, each participant exactly its own, in order, live over SSE and by
/// webhook as well.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class FullCaseFeedTests(PlatformFixture platform)
{
    private static readonly string[] SubmissionSteps =
        ["case.submission_accepted", "case.data_received", "case.basic_qc_reported", "case.check_report_accepted"];

    [Fact]
    public async Task Every_participant_sees_exactly_its_own_events_of_a_full_case()
    {
        var (ik, payerIk, otherIk) = (TestIds.Ik(), TestIds.Ik(), TestIds.Ik());
        foreach (var provider in new[] { ik, otherIk })
        {
            var registered = await platform.Operator().PutAsync($"/api/v1/providers/{provider}",
                new StringContent("{\"name\":\"Feed LE\",\"indications\":[\"oncological\",\"rare\"],\"participationStart\":\"2024-01-01\"}", Encoding.UTF8, "application/json"));
            Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        }

        var payerRegistered = await platform.Operator().PutAsync($"/api/v1/payers/{payerIk}",
            new StringContent("{\"name\":\"Feed BKK\",\"kind\":\"gkv\"}", Encoding.UTF8, "application/json"));
        Assert.True(payerRegistered.IsSuccessStatusCode, await payerRegistered.Content.ReadAsStringAsync());

        var le = platform.Client(ParticipantRole.Provider, ik);
        var start = (await Feed.All(le, "/api/v1/events")).Next;
        await using var receiver = await WebhookReceiver.StartAsync(failuresPerMessage: 2);
        var hook = await (await le.PostJson("/api/v1/webhooks", new { url = receiver.Url.ToString(), types = new[] { "*" } }, TestIds.Key()))
            .Read<WebhookWithSecret>(HttpStatusCode.Created);
        receiver.Secrets.Add(hook.Secret);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var live = await EventStreamApiTests.Open(le, $"/api/v1/events?after={start}", null, timeout.Token);

        // The case: both halves, both nodes' steps and reports, the payer's claim.
        var scenario = await CaseScenario.Start(platform, ik);
        var caseKey = $"{ik}:{scenario.LocalCaseId}";
        var genomic = scenario.Metadata(MetadataDocument.WgsTumorGermline);
        var clinical = scenario.ClinicalMetaData();
        var (tanG, tanC) = (genomic["submission"]!["tanG"]!.GetValue<string>(), clinical["tanC"]!.GetValue<string>());
        await (await scenario.SubmitGenomic(genomic)).Read<SubmissionAnswer>(HttpStatusCode.Created);
        await (await scenario.SubmitClinical(clinical)).Read<SubmissionAnswer>(HttpStatusCode.Created);
        await scenario.GdcProcesses(tanG);
        await scenario.CdnProcesses(tanC);
        var tokens = await (await le.GetAsync(Http.RecentTokensPath)).Read<List<TokenView>>();
        var payer = platform.Client(ParticipantRole.Payer, payerIk);
        var paid = await (await payer.PostJson("/api/v1/claims", new { tokens = tokens.Select(t => t.Record.Token.Delivered).ToArray() }, TestIds.Key())).Read<PayerClaimAnswer>();
        Assert.True(paid.Accepted);

        // The LE: its registration, every step of its case, its two tokens, the claim on them.
        var mine = await Feed.All(le, "/api/v1/events", start);
        var selected = mine.Events.Any(e => e.Type == "case.detailed_qc_selected") ? 1 : 0; // the sampling may pick the genomic initial
        Assert.Equal(
            ((string[])["case.registered", .. SubmissionSteps, .. SubmissionSteps, "case.reimbursed", "claim.accepted", "token.issued", "token.issued", "token.redeemed", "token.redeemed"]).Order(),
            mine.Events.Select(e => e.Type).Where(t => t != "case.detailed_qc_selected").Order());
        Assert.Equal(15 + selected, mine.Events.Count);
        // Case events name the case; token and claim events name only the code and the claim (payers read them too).
        var codes = tokens.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        Assert.All(mine.Events, e => Assert.True(e.Type.StartsWith("case.", StringComparison.Ordinal) ? e.CaseKey == caseKey
            : e.Type.StartsWith("token.", StringComparison.Ordinal) ? codes.Contains(e.Subject) && e.CaseKey is null
            : e.Subject == paid.ClaimId && e.CaseKey is null, $"{e.Type} {e.Subject} {e.CaseKey}"));
        Assert.Equal(mine.Events.Count, mine.Events.Select(e => e.Id).Distinct().Count());
        Assert.All(mine.Events.GroupBy(e => e.Source), source => Assert.Equal(source.Select(e => e.Sequence).Order(), source.Select(e => e.Sequence)));
        Assert.Equal(["case.registered", "case.submission_accepted", "case.submission_accepted"], mine.Events.Take(3).Select(e => e.Type));

        // Each node: the steps of the submission routed to it, nothing of the other half, no token, no claim.
        foreach (var (node, tan) in new[] { (scenario.GenomeCentre, tanG), (scenario.ClinicalNode, tanC) })
        {
            var theirs = (await Feed.All(node, "/api/v1/events")).Events.Where(e => e.CaseKey == caseKey).ToList();
            Assert.Equal(SubmissionSteps.Length + (tan == tanG ? selected : 0), theirs.Count);
            Assert.All(theirs, e => Assert.Equal(tan, e.Subject));
            Assert.Equal(SubmissionSteps, theirs.Select(e => e.Type).Where(t => t != "case.detailed_qc_selected"));
        }

        // The payer: its claim and the two tokens it redeemed, with no hospital identifier in them.
        var payers = await Feed.All(payer, "/api/v1/events");
        Assert.Equal(["claim.accepted", "payer.registered", "token.redeemed", "token.redeemed"], payers.Events.Select(e => e.Type).Order());
        var payerText = await (await payer.GetAsync("/api/v1/events")).Content.ReadAsStringAsync();
        Assert.All(new[] { tanG, tanC, scenario.LocalCaseId, caseKey }, identifier => Assert.DoesNotContain(identifier, payerText, StringComparison.OrdinalIgnoreCase));

        // Strangers: another LE, a node the case never used, another payer.
        Assert.DoesNotContain((await Feed.All(platform.Client(ParticipantRole.Provider, otherIk), "/api/v1/events")).Events, e => e.CaseKey == caseKey);
        Assert.DoesNotContain((await Feed.All(platform.Client(ParticipantRole.Gdc, "GRZDD0004"), "/api/v1/events")).Events, e => e.CaseKey == caseKey);
        Assert.Empty((await Feed.All(platform.Client(ParticipantRole.Payer, TestIds.Ik()), "/api/v1/events")).Events);

        // A cursor resumes exactly: pages of three add up to the whole feed.
        var paged = await Feed.All(le, "/api/v1/events", start, limit: 3);
        Assert.Equal(mine.Events.Select(e => e.Id), paged.Events.Select(e => e.Id));

        // The live feed delivered the same events, in the same order.
        var frames = await EventStreamApiTests.ReadFrames(live, mine.Events.Count, timeout.Token);
        Assert.Equal(mine.Events.Select(e => e.Id), frames.Select(f => f.EventId));

        // The webhook: every event, verified, once per webhook-id, after two refused attempts each.
        var wanted = mine.Events.Select(e => e.Id).ToHashSet();
        for (var waited = 0; waited < 600 && !wanted.IsSubsetOf(receiver.Accepted.Select(r => r.EventId)); waited++)
        {
            await Task.Delay(100);
        }

        Assert.Empty(receiver.Problems);
        Assert.Subset(receiver.Accepted.Select(r => r.EventId).ToHashSet(), wanted);
        Assert.Equal(receiver.Accepted.Count, receiver.Accepted.Select(r => r.WebhookId).Distinct().Count());
        Assert.All(receiver.Accepted.Where(r => wanted.Contains(r.EventId)), r => Assert.Equal(3, r.Attempt));
    }

    /// <summary>Reads a feed to its end, page by page.</summary>
    internal static class Feed
    {
        /// <summary>A feed event has the CloudEvents attributes and nothing else: the reporting a case
        /// event carries inside the platform never leaves it.</summary>
        private static readonly HashSet<string> CloudEventMembers = ["specversion", "id", "type", "source", "subject", "time", "datacontenttype", "data"];

        public static async Task<(List<FeedEvent> Events, string Next)> All(HttpClient http, string path, string? after = null, int limit = 1000)
        {
            List<FeedEvent> events = [];
            while (true)
            {
                var response = await http.GetAsync($"{path}?limit={limit}{(after is null ? "" : $"&after={after}")}");
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, text);
                using var body = JsonDocument.Parse(text);
                Assert.All(body.RootElement.GetProperty("events").EnumerateArray(), e => Assert.Subset(CloudEventMembers, e.EnumerateObject().Select(p => p.Name).ToHashSet()));
                var page = body.RootElement.GetProperty("events").EnumerateArray().Select(FeedEvent.From).ToList();
                after = body.RootElement.GetProperty("next").GetString()!;
                if (page.Count == 0)
                {
                    return (events, after);
                }

                events.AddRange(page);
            }
        }
    }

    /// <summary>One CloudEvent of a feed page; <see cref="Type"/> without prefix and version.</summary>
    internal sealed record FeedEvent(string Id, string Type, string Source, string Subject, string? CaseKey, long Sequence)
    {
        public static FeedEvent From(JsonElement e)
        {
            var id = e.GetProperty("id").GetString()!;
            var type = e.GetProperty("type").GetString()!["de.genomde.".Length..^".v1".Length];
            var caseKey = e.GetProperty("data").TryGetProperty("caseKey", out var key) ? key.GetString() : null;
            return new FeedEvent(id, type, e.GetProperty("source").GetString()!, e.GetProperty("subject").GetString()!, caseKey, long.Parse(id[(id.LastIndexOf('#') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
