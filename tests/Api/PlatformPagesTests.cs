using System.Net;
using System.Text.Json;
using GenomDE.Orleans.Domain.Common;
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

        var anonymous = await platform.AnonymousClient().GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/login?returnUrl=%2Fdashboard%2F", anonymous.Headers.Location?.OriginalString);
        await (await platform.Client(ParticipantRole.Provider, "123456789").GetAsync("/dashboard/")).AssertProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task The_dashboards_log_stream_is_off_on_the_api_host_even_for_the_operator()
    {
        using var trace = await platform.Operator().GetAsync("/dashboard/Trace", HttpCompletionOption.ResponseHeadersRead);

        Assert.False(trace.IsSuccessStatusCode, $"/dashboard/Trace answered {(int)trace.StatusCode}: every silo log line would stream to the browser");
    }

    [Fact]
    public async Task The_login_form_needs_its_antiforgery_token_and_sends_only_to_local_pages()
    {
        var operatorClient = platform.Issuer.CredentialsFor(new Caller(ParticipantRole.Operator, "BfArM"));
        var form = new Dictionary<string, string> { ["clientId"] = operatorClient.ClientId, ["clientSecret"] = operatorClient.ClientSecret, ["returnUrl"] = "/dashboard/" };

        // Not a form: named as such, not answered with the page.
        await (await platform.AnonymousClient().PostJson("/login", new { clientId = operatorClient.ClientId })).AssertProblem(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");

        // Without the form's antiforgery token (a cross-site form post) nothing happens.
        var forged = await platform.AnonymousClient().PostAsync("/login", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(forged.Headers.Contains("Set-Cookie") && forged.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("__Host-genomde-operator", StringComparison.Ordinal)));

        // With it (a browser that loaded the page), the session cookie is set and an off-site returnUrl is ignored.
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = platform.BaseAddress };
        var login = await (await browser.GetAsync("/login?returnUrl=https%3A%2F%2Fevil.example%2F")).Content.ReadAsStringAsync();
        var antiforgery = System.Text.RegularExpressions.Regex.Match(login, "name=\"(__RequestVerificationToken[^\"]*)\" value=\"([^\"]+)\"");
        Assert.True(antiforgery.Success, "The login page has no antiforgery field.");
        form[antiforgery.Groups[1].Value] = System.Net.WebUtility.HtmlDecode(antiforgery.Groups[2].Value);
        form["returnUrl"] = "https://evil.example/";
        var signedIn = await browser.PostAsync("/login", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/dashboard/", signedIn.Headers.Location?.OriginalString);
        var setCookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-genomde-operator=", StringComparison.Ordinal));
        Assert.Contains("secure", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/;", setCookie + ";", StringComparison.OrdinalIgnoreCase);
    }
}
