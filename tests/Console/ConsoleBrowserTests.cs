using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using GenomDE.Orleans.ClientApi.Auth;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Nodes;
using GenomDE.Orleans.Domain.Tokens;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.GrainInterfaces.Nodes;
using GenomDE.Orleans.GrainInterfaces.Reporting;
using GenomDE.Orleans.GrainInterfaces.Tokens;
using GenomDE.Orleans.Tests.Api;
using GenomDE.Orleans.Tests.Browser;
using GenomDE.Orleans.Tests.Cases;
using GenomDE.Orleans.Tests.Fixtures;
using GenomDE.Orleans.Tests.Submissions;
using Microsoft.Playwright;

namespace GenomDE.Orleans.Tests.Console;

/// <summary>The operator console in a real headless Chromium against the running platform: the
/// operator signs in, acts through the console's forms, and the API (the payer's, the operator's)
/// sees the effect. Every page is checked with axe and screenshotted.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class ConsoleBrowserTests(PlatformFixture platform, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Payer = "200000001";

    [Fact]
    public async Task Every_page_renders_for_the_operator_without_serious_accessibility_violations()
    {
        var scenario = await ConfirmedCase();
        await using var console = await ConsoleSession.SignIn(platform, browser);
        var token = await TokenOf(scenario);
        var quarter = ReportQuarter.Of(DateOnly.FromDateTime(DateTime.UtcNow));

        await console.Visit("/console", "Übersicht", "console-overview");
        await console.Visit("/console/nodes", "Knoten", "console-nodes");
        var seeded = (await platform.Grains.GetGrain<INodeDirectoryGrain>(INodeDirectoryGrain.Key).List()).First(n => n.NodeId == CaseScenario.Gdc);
        await console.Visit($"/console/nodes/{seeded.ApplicationId}", $"Knoten {CaseScenario.Gdc}", "console-node");
        await console.Visit("/console/participants", "Teilnehmer", "console-participants");
        await console.Visit($"/console/cases?ik={scenario.ProviderId}&localCaseId={scenario.LocalCaseId}", "Fallsuche", "console-case");
        await console.Visit($"/console/tokens?code={token.Code}&verify=1", "Meldebestätigungen", "console-token");
        await console.Visit($"/console/reports?node={CaseScenario.Gdc}&year={quarter.Year}&quarter=Q{quarter.Quarter}", "Berichte", "console-reports");
        await console.Visit("/console/events", "Ereignisse und Webhooks", "console-events");
        await console.Visit("/console/audit", "Audit", "console-audit");
    }

    [Fact]
    public async Task The_operator_approves_an_applied_node_and_a_wrong_node_id_shows_the_problem()
    {
        var nodes = new NodeApiClient(platform.Operator());
        var applied = await nodes.Apply(NodeKind.Gdc, "Genomrechenzentrum Konsole");
        await using var console = await ConsoleSession.SignIn(platform, browser, "/console/nodes");
        var page = console.Page;

        await page.GetByRole(AriaRole.Link, new() { Name = applied.ApplicationId }).ClickAsync();
        await page.GetByLabel("Begründung").FillAsync("Unterlagen vollständig");
        await page.GetByRole(AriaRole.Button, new() { Name = "Prüfung beginnen" }).ClickAsync();
        await console.Expect(page.GetByRole(AriaRole.Status).GetByText("Gespeichert."), "console-review");
        Assert.Equal(NodeStatus.UnderReview, (await nodes.Get(applied.ApplicationId)).Status);

        // A node ID of the wrong kind: the grain refuses, and the console shows its problem.
        var approve = page.Locator("form.action", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Zulassen" }) });
        await approve.GetByLabel("Offizielle Knoten-ID").FillAsync(TestIds.NodeId("KDK"));
        await approve.GetByLabel("Begründung").FillAsync("Zulassung erteilt");
        await approve.GetByRole(AriaRole.Button, new() { Name = "Zulassen" }).ClickAsync();
        await console.Expect(page.GetByRole(AriaRole.Alert).GetByText("urn:genomde:problem:invalid_node_id"), "console-approve-refused");
        await console.Check("console-approve-refused");
        Assert.Equal(NodeStatus.UnderReview, (await nodes.Get(applied.ApplicationId)).Status);

        var nodeId = TestIds.NodeId("GRZ");
        approve = page.Locator("form.action", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Zulassen" }) });
        await approve.GetByLabel("Offizielle Knoten-ID").FillAsync(nodeId);
        await approve.GetByLabel("Begründung").FillAsync("Zulassung erteilt");
        await approve.GetByRole(AriaRole.Button, new() { Name = "Zulassen" }).ClickAsync();
        await console.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Knoten {nodeId}", Level = 1 }), "console-approved");
        await console.Expect(page.GetByText($"gdc.{nodeId}"), "console-approved"); // the node's client, handed out once
        await console.Check("console-approved");

        var approved = await nodes.Get(nodeId);
        Assert.Equal((NodeStatus.Approved, applied.ApplicationId), (approved.Status, approved.ApplicationId));
        Assert.Equal(["Unterlagen vollständig", "Zulassung erteilt"], approved.History.Skip(1).Select(h => h.Reason));
        Assert.All(approved.History.Skip(1), h => Assert.Equal("BfArM", h.By));
    }

    [Fact]
    public async Task A_double_submitted_form_is_one_effect()
    {
        var nodes = new NodeApiClient(platform.Operator());
        var node = await nodes.NodeIn(NodeStatus.Approved);
        await using var console = await ConsoleSession.SignIn(platform, browser, $"/console/nodes/{node.ApplicationId}");
        var page = console.Page;

        // The rendered suspend form, sent twice as the browser would send it (same key, same antiforgery token).
        var form = page.Locator("form.action", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Aussetzen" }) });
        await form.GetByLabel("Begründung").FillAsync("Doppelt geklickt");
        var fields = await form.EvaluateAsync<Dictionary<string, string>>("f => Object.fromEntries(new FormData(f))");
        IFormData Form()
        {
            var multipart = page.APIRequest.CreateFormData();
            foreach (var (name, value) in fields)
            {
                multipart.Append(name, value);
            }

            return multipart;
        }

        var first = await page.APIRequest.PostAsync($"/console/nodes/{node.ApplicationId}", new() { Form = Form(), MaxRedirects = 0 });
        var second = await page.APIRequest.PostAsync($"/console/nodes/{node.ApplicationId}", new() { Form = Form(), MaxRedirects = 0 });
        Assert.True((first.Status, second.Status) == (200, 200), $"{first.Status} {second.Status}: {await second.TextAsync()}");
        Assert.Contains("Gespeichert.", await second.TextAsync(), StringComparison.Ordinal); // the replay answers the first outcome, not "illegal transition"

        var after = await nodes.Get(node.ApplicationId);
        Assert.Equal(NodeStatus.Suspended, after.Status);
        Assert.Single(after.History, h => h.To == NodeStatus.Suspended);
    }

    [Fact]
    public async Task The_operator_finds_a_case_and_sees_its_timeline()
    {
        var scenario = await ConfirmedCase();
        var view = await scenario.Case();
        await using var console = await ConsoleSession.SignIn(platform, browser, "/console/cases");
        var page = console.Page;

        await page.GetByLabel("IK des Leistungserbringers").FillAsync(scenario.ProviderId);
        await page.GetByLabel("Lokale Fall-ID").FillAsync(scenario.LocalCaseId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();

        await console.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Zeitleiste" }), "console-case-timeline");
        var timeline = page.Locator("ol.timeline > li");
        Assert.Equal(view.History.Count, await timeline.CountAsync());
        for (var i = 0; i < view.History.Count; i++)
        {
            Assert.Contains(view.History[i].What, await timeline.Nth(i).InnerTextAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(view.Status.ToString(), await page.Locator("[data-case-status]").GetAttributeAsync("data-case-status"));
        var code = view.Submissions.Single().Confirmation!.Code!;
        await console.Expect(page.GetByRole(AriaRole.Link, new() { Name = code }), "console-case-timeline");
        await console.Check("console-case-timeline");
    }

    [Fact]
    public async Task Revoking_a_confirmation_in_the_console_changes_what_the_payer_verifies()
    {
        var scenario = await ConfirmedCase();
        var token = await TokenOf(scenario);
        var payer = platform.Client(ParticipantRole.Payer, Payer);
        var before = await (await payer.PostJson("/api/v1/tokens/verify", new { token = token.Delivered })).Read<TokenCheck>();
        Assert.Equal((TokenStatus.Issued, true), (before.Status, before.Billable));

        await using var console = await ConsoleSession.SignIn(platform, browser, "/console/tokens");
        var page = console.Page;
        await page.GetByLabel("Code").FillAsync(token.Code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).First.ClickAsync();
        await console.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Meldebestätigung {token.Code}" }), "console-token-found");

        // Without a reason the browser does not send the form; with one, the grain revokes.
        await page.GetByLabel("Begründung").FillAsync("Prüfbericht irrtümlich bestätigt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Meldebestätigung widerrufen" }).ClickAsync();
        await console.Expect(page.GetByRole(AriaRole.Status).GetByText("Meldebestätigung widerrufen."), "console-token-revoked");
        Assert.Equal(nameof(TokenStatus.Revoked), await page.Locator("[data-token-status]").GetAttributeAsync("data-token-status"));
        await console.Expect(page.GetByText("Prüfbericht irrtümlich bestätigt"), "console-token-revoked");
        await console.Check("console-token-revoked");

        var after = await (await payer.PostJson("/api/v1/tokens/verify", new { token = token.Delivered })).Read<TokenCheck>();
        Assert.Equal((TokenStatus.Revoked, false), (after.Status, after.Billable));

        // The console's own verification is the payer's.
        await page.GetByRole(AriaRole.Button, new() { Name = "Prüfen" }).ClickAsync();
        Assert.Equal("not-billable", await page.Locator("[data-verification]").GetAttributeAsync("data-verification"));
    }

    [Fact]
    public async Task A_quarterly_table_downloads_with_the_same_bytes_as_the_api()
    {
        await ConfirmedCase();
        var quarter = ReportQuarter.Of(DateOnly.FromDateTime(DateTime.UtcNow));
        await using var console = await ConsoleSession.SignIn(platform, browser, "/console/reports");
        var page = console.Page;
        await page.GetByLabel("Knoten").SelectOptionAsync(CaseScenario.Gdc);
        await page.GetByLabel("Jahr").FillAsync(quarter.Year.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Quartal").SelectOptionAsync($"Q{quarter.Quarter}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await console.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "2 – Infos zu Datensätzen" }), "console-report");

        foreach (var table in new[] { "overview", "submissions", "detailed-qc" })
        {
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = $"TSV herunterladen ({table})" }).ClickAsync());
            var path = await download.PathAsync();
            var bytes = await File.ReadAllBytesAsync(path);
            var api = await platform.Operator().GetAsync($"/api/v1/reports/quarterly/{quarter.Year}/Q{quarter.Quarter}/{table}?node={CaseScenario.Gdc}");
            Assert.Equal(HttpStatusCode.OK, api.StatusCode);
            Assert.Equal(await api.Content.ReadAsByteArrayAsync(), bytes);
            Assert.Equal(api.Content.Headers.ContentDisposition!.FileName!.Trim('"'), download.SuggestedFilename);
        }

        Assert.Contains(CaseScenario.Provider, await page.Locator("table.report").First.InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overview_shows_the_statistics_endpoints_numbers()
    {
        await ConfirmedCase();
        await using var console = await ConsoleSession.SignIn(platform, browser);
        var page = console.Page;

        // Other tests of the collection do not run meanwhile; the loop only guards against a
        // background change (an overdue reminder) between the two reads.
        for (var attempt = 1; ; attempt++)
        {
            var api = await (await platform.Operator().GetAsync("/api/v1/statistics")).Read<PlatformStatistics>();
            await page.GotoAsync("/console");
            var shown = new Dictionary<string, string>();
            foreach (var figure in new[] { "cases", "submissions", "tokens", "p50", "p90", "overdue" })
            {
                shown[figure] = (await page.Locator($"[data-figure={figure}]").InnerTextAsync()).Trim();
            }

            var again = await (await platform.Operator().GetAsync("/api/v1/statistics")).Read<PlatformStatistics>();
            if (!Same(api, again) && attempt < 5)
            {
                continue;
            }

            Assert.Equal(api.Cases.ToString(CultureInfo.InvariantCulture), shown["cases"]);
            Assert.Equal(api.Submissions.ToString(CultureInfo.InvariantCulture), shown["submissions"]);
            Assert.Equal(api.TokensIssued.ToString(CultureInfo.InvariantCulture), shown["tokens"]);
            Assert.Equal(api.ConfirmationHoursP50 is { } p50 ? $"{p50} h" : "–", shown["p50"]);
            Assert.Equal(api.ConfirmationHoursP90 is { } p90 ? $"{p90} h" : "–", shown["p90"]);
            Assert.Equal(api.OverdueReports.ToString(CultureInfo.InvariantCulture), shown["overdue"]);
            Assert.True(api.TokensIssued > 0 && api.ConfirmationHoursP50 is not null, "The confirmed case must show in the statistics.");
            foreach (var node in api.Nodes)
            {
                var row = page.Locator($"tr[data-node='{node.NodeId}'] td");
                Assert.Equal(node.Submissions.ToString(CultureInfo.InvariantCulture), await row.Nth(0).InnerTextAsync());
                Assert.Equal(node.TokensIssued.ToString(CultureInfo.InvariantCulture), await row.Nth(2).InnerTextAsync());
                foreach (var (week, count) in node.SubmissionsByWeek ?? [])
                {
                    var cell = page.Locator($"td[data-node='{node.NodeId}'][data-week='{week}']");
                    if (await cell.CountAsync() > 0)
                    {
                        Assert.Equal(count.ToString(CultureInfo.InvariantCulture), await cell.InnerTextAsync());
                    }
                }
            }

            var dayBars = page.Locator("#tokens-by-day-caption + svg g.bar title");
            var today = api.TokensByDay!.Last();
            Assert.Equal($"{today.Key}: {today.Value}", await dayBars.Last.TextContentAsync());
            return;
        }
    }

    [Fact]
    public async Task The_operator_switches_to_english_and_back()
    {
        await using var console = await ConsoleSession.SignIn(platform, browser, "/console/nodes");
        var page = console.Page;
        Assert.Equal("de", await page.Locator("html").GetAttributeAsync("lang"));

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await console.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nodes", Level = 1 }), "console-english");
        Assert.Equal("/console/nodes", new Uri(page.Url).AbsolutePath); // back where the switch was clicked
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Overview" }).ClickAsync();
        await console.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Key figures" }), "console-english");
        await console.Check("console-english-overview");

        await page.GetByRole(AriaRole.Link, new() { Name = "Deutsch" }).ClickAsync();
        await console.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Übersicht", Level = 1 }), "console-german");
    }

    [Fact]
    public async Task A_provider_cannot_sign_in_to_the_console()
    {
        var provider = platform.Issuer.CredentialsFor(new Caller(ParticipantRole.Provider, CaseScenario.Provider));
        await using var console = await ConsoleSession.Open(platform, browser);
        var page = console.Page;

        await page.GotoAsync("/console");
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
        await page.GetByLabel("Client-ID").FillAsync(provider.ClientId);
        await page.GetByLabel("Client-Secret").FillAsync(provider.ClientSecret);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();

        await console.Expect(page.GetByRole(AriaRole.Alert).GetByText("Only the operator may sign in here."), "console-provider-refused");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == AuthSetup.OperatorSessionCookie);
        await page.GotoAsync("/console");
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);

        // A provider's bearer token gets no console page either.
        var bearer = await platform.Client(ParticipantRole.Provider, CaseScenario.Provider).GetAsync("/console/nodes");
        Assert.Equal(HttpStatusCode.Forbidden, bearer.StatusCode);
    }

    /// <summary>A case with one genomic submission the GDC reported as passed: it holds a Meldebestätigung.</summary>
    private async Task<CaseScenario> ConfirmedCase()
    {
        var scenario = await CaseScenario.Start(platform);
        var metadata = scenario.Metadata(MetadataDocument.WgsTumorGermline);
        var answer = await (await scenario.SubmitGenomic(metadata)).Read<SubmissionAnswer>(HttpStatusCode.Created);
        var view = await scenario.GdcProcesses(answer.Tan);
        Assert.NotNull(view.Submissions.Single().Confirmation?.Code);
        return scenario;
    }

    private static async Task<Meldebestaetigung> TokenOf(CaseScenario scenario)
    {
        var tokens = await (await scenario.Hospital.GetAsync(Http.RecentTokensPath)).Read<List<TokenView>>();
        return tokens.First(t => t.Record.CaseKey == CaseKeys.Of(scenario.ProviderId, scenario.LocalCaseId)).Record.Token;
    }

    private static bool Same(PlatformStatistics a, PlatformStatistics b) =>
        (a.Cases, a.Submissions, a.TokensIssued, a.ConfirmationHoursP50, a.ConfirmationHoursP90, a.OverdueReports)
        == (b.Cases, b.Submissions, b.TokensIssued, b.ConfirmationHoursP50, b.ConfirmationHoursP90, b.OverdueReports);
}
