using System.Net;
using System.Text.Json;
using GenomDE.Orleans.GrainInterfaces.Common;
using GenomDE.Orleans.Tests.Fixtures;

namespace GenomDE.Orleans.Tests.Api;

/// <summary>Health, OpenAPI, the docs page and the dashboard, as an operator's browser or a load balancer sees them.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class PlatformPagesTests(PlatformFixture platform)
{
    [Fact]
    public async Task Health_is_public_and_ready_sees_both_silos()
    {
        var http = platform.AnonymousClient();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        using var ready = JsonDocument.Parse(await (await http.GetAsync("/health/ready")).Content.ReadAsStringAsync());
        Assert.Equal("ready", ready.RootElement.GetProperty("status").GetString());
        Assert.Equal(2, ready.RootElement.GetProperty("activeSilos").GetInt32());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_v1_endpoints_with_bearer_auth()
    {
        var response = await platform.AnonymousClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = doc.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/nodes", "/api/v1/nodes/{id}/approve", "/api/v1/providers/{ik}", "/api/v1/payers" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI lacks {path}");
        }

        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Name.StartsWith("/dashboard", StringComparison.Ordinal));
        Assert.Equal("GenomDE platform API", doc.RootElement.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_docs_page_is_served()
    {
        var response = await platform.AnonymousClient().GetAsync("/docs/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_is_for_the_operator_only()
    {
        var page = await platform.Operator().GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);

        await (await platform.AnonymousClient().GetAsync("/dashboard/")).AssertProblem(HttpStatusCode.Unauthorized, "unauthenticated");
        await (await platform.Client(ParticipantRole.Provider, "123456789").GetAsync("/dashboard/")).AssertProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_browser_logs_into_the_dashboard_with_a_token_link_and_keeps_a_cookie()
    {
        var token = platform.Operator().DefaultRequestHeaders.Authorization!.Parameter;
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = true }) { BaseAddress = platform.BaseAddress };

        var page = await browser.GetAsync($"/dashboard/?access_token={token}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("/dashboard/", page.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain("access_token", page.RequestMessage.RequestUri.Query, StringComparison.Ordinal);
        Assert.NotEmpty(cookies.GetCookies(new Uri(platform.BaseAddress, "/dashboard/")));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/dashboard/")).StatusCode);
    }

    [Fact]
    public async Task Dev_tokens_are_only_minted_for_well_formed_participants()
    {
        var http = platform.AnonymousClient();

        var ok = await http.PostJson("/dev/tokens", new { role = "gdc", participantId = "GRZDD0004" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        await (await http.PostJson("/dev/tokens", new { role = "cdn", participantId = "GRZDD0004" })).AssertProblem(HttpStatusCode.BadRequest, "invalid_participant");
        await (await http.PostJson("/dev/tokens", new { role = "payer", participantId = "AOK" })).AssertProblem(HttpStatusCode.BadRequest, "invalid_ik");
    }
}
