using System.Text.Json;
using System.Text.RegularExpressions;
using GenomDE.Orleans.ClientApi.Auth;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Tests.Fixtures;
using Microsoft.Playwright;

namespace GenomDE.Orleans.Tests.Browser;

/// <summary>The operator's two web pages, the Scalar API docs and the Orleans dashboard, opened in
/// a real headless Chromium against the running platform: they must render, not just answer 200.
/// Screenshots go to <see cref="BrowserFixture.ScreenshotFolder"/> and are attached to the results.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class BrowserPagesTests(PlatformFixture platform, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 30_000 };

    [Theory]
    [InlineData("/docs/", "docs")]
    [InlineData("/docs", "docs-without-slash")]
    public async Task The_docs_page_loads_the_openapi_document_and_shows_our_operations(string address, string screenshot)
    {
        var page = await browser.NewPageAsync(platform.BaseAddress);
        await using var context = page.Context;
        var network = new NetworkLog(page);

        var response = await page.GotoAsync(address);
        Assert.Equal(200, response?.Status);

        // Scalar fetches the OpenAPI document from the browser; only then does it know our tags and operations.
        var sidebar = page.GetByRole(AriaRole.Complementary);
        foreach (var tag in new[] { "Cases", "Nodes", "Providers", "Payers", "Health" })
        {
            await ExpectVisible(page, network, screenshot, sidebar.GetByRole(AriaRole.Link, new() { Name = tag, Exact = true }));
        }

        // The first group's overview lists its operations by path.
        await ExpectVisible(page, network, screenshot, page.GetByRole(AriaRole.Main).GetByText("/api/v1/cases", new() { Exact = true }).First);

        // Open the Nodes group and one operation the way a reader would, and see its summary rendered.
        await sidebar.GetByRole(AriaRole.Button, new() { Name = "Open Group - Nodes", Exact = true }).ClickAsync();
        var listNodes = sidebar.GetByRole(AriaRole.Link, new() { Name = "List all nodes, optionally by kind and status." });
        await ExpectVisible(page, network, screenshot, listNodes);
        await listNodes.ClickAsync();
        await ExpectVisible(page, network, screenshot, page.GetByRole(AriaRole.Main)
            .GetByRole(AriaRole.Heading, new() { Name = "List all nodes, optionally by kind and status." }));
        await ExpectVisible(page, network, screenshot, page.GetByRole(AriaRole.Main).GetByText("/api/v1/nodes", new() { Exact = true }).First);
        await BrowserFixture.ScreenshotAsync(page, screenshot);

        var documentRequests = network.Under("/openapi/");
        Assert.Contains(documentRequests, e => e.Url.AbsolutePath == "/openapi/v1.json" && e.Status == 200);
        Assert.True(!documentRequests.Any(e => e.Failed), $"A request for the OpenAPI document failed:{Environment.NewLine}{network.Describe()}");
        var ownFailures = network.Exchanges.Where(e => IsOwn(e.Url) && e.Failed).ToList();
        Assert.True(ownFailures.Count == 0, $"Requests to the platform failed:{Environment.NewLine}{string.Join(Environment.NewLine, ownFailures)}");
        var blocked = network.ConsoleErrors.Where(e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(blocked.Count == 0, $"The page's content security policy blocked something:{Environment.NewLine}{string.Join(Environment.NewLine, blocked)}");
        Assert.DoesNotContain(network.Exchanges, e => !IsOwn(e.Url) && e.Url.Scheme.StartsWith("http", StringComparison.Ordinal)); // no third-party requests
    }

    [Fact]
    public async Task An_operator_signs_in_with_the_issuer_and_the_dashboard_renders()
    {
        var operatorClient = platform.Issuer.CredentialsFor(new GenomDE.Orleans.Domain.Common.Caller(GenomDE.Orleans.Domain.Common.ParticipantRole.Operator, "BfArM"));
        var page = await browser.NewPageAsync(platform.BaseAddress);
        await using var context = page.Context;
        var network = new NetworkLog(page);

        // Without a session the dashboard sends the browser to the sign-in page.
        var response = await page.GotoAsync("/dashboard/");
        Assert.Equal(200, response?.Status);
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
        await BrowserFixture.ScreenshotAsync(page, "login");

        // A wrong secret is refused on the page, and no session cookie is set.
        await page.GetByLabel("Client-ID").FillAsync(operatorClient.ClientId);
        await page.GetByLabel("Client-Secret").FillAsync("not-the-secret");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await ExpectVisible(page, network, "login-refused", page.GetByRole(AriaRole.Alert));
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == AuthSetup.OperatorSessionCookie);

        await page.GetByLabel("Client-ID").FillAsync(operatorClient.ClientId);
        await page.GetByLabel("Client-Secret").FillAsync(operatorClient.ClientSecret);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/dashboard/"));
        var signInErrors = network.ConsoleErrors.Count; // the refused attempt's 401s (page, favicon) were meant

        // Back at the dashboard; the session lives only in a __Host- cookie, no token in any URL.
        Assert.Equal("/dashboard/", new Uri(page.Url).AbsolutePath);
        Assert.DoesNotContain(network.Exchanges, e => e.Url.Query.Contains("token", StringComparison.OrdinalIgnoreCase));
        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == AuthSetup.OperatorSessionCookie);
        Assert.True(cookie.HttpOnly, "The session cookie must be HttpOnly.");
        Assert.True(cookie.Secure, "The session cookie must be Secure.");
        Assert.Equal("/", cookie.Path);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Equal("", await page.EvaluateAsync<string>("() => document.cookie")); // out of reach of scripts

        // The dashboard app renders and its polling (XHR with the cookie, no bearer header) sees both silos.
        await ExpectVisible(page, network, "dashboard", page.GetByRole(AriaRole.Heading, new() { Name = "Overview" }));
        await ExpectText(page, network, "dashboard", new Regex(@"Active silos\s+2\s", RegexOptions.IgnoreCase));
        await ExpectText(page, network, "dashboard", new Regex(@"Total activations\s+[1-9]", RegexOptions.IgnoreCase));
        await BrowserFixture.ScreenshotAsync(page, "dashboard");

        // Its grain list shows our grain types. Another test of this collection may have had the
        // operator deactivate every idle grain, so make sure a node grain is active now.
        var seeded = await platform.Grains.GetGrain<GrainInterfaces.Nodes.INodeDirectoryGrain>(GrainInterfaces.Nodes.INodeDirectoryGrain.Key).List();
        Assert.NotNull(await platform.Grains.GetGrain<GrainInterfaces.Nodes.INodeGrain>(seeded[0].ApplicationId).Get());
        await page.GetByRole(AriaRole.Link, new() { Name = "Grains", Exact = true }).ClickAsync();
        await ExpectVisible(page, network, "dashboard-grains", page.GetByText("NodeGrain", new() { Exact = true }).First);
        await ExpectVisible(page, network, "dashboard-grains", page.GetByText("NodeDirectoryGrain", new() { Exact = true }).First);
        Assert.EndsWith("/dashboard/#/grains", page.Url, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "dashboard-grains");

        var calls = network.Under("/dashboard/").Where(e => e.IsXhr).ToList();
        Assert.Contains(calls, e => e.Url.AbsolutePath == "/dashboard/DashboardCounters");
        Assert.Contains(calls, e => e.Url.AbsolutePath == "/dashboard/version");
        var bad = network.Exchanges.Where(e => IsOwn(e.Url) && e.Url.AbsolutePath != "/login" // the refused sign-in above
            && (e.Failed || (e.IsXhr && e.Status is not (>= 200 and < 300)))).ToList();
        Assert.True(bad.Count == 0, $"Dashboard requests did not succeed:{Environment.NewLine}{string.Join(Environment.NewLine, bad)}");
        Assert.True(network.ConsoleErrors.Count == signInErrors, $"The dashboard logged errors: {string.Join(" | ", network.ConsoleErrors.Skip(signInErrors))}");
    }

    [Fact]
    public async Task A_provider_cannot_sign_in_to_the_dashboard()
    {
        var provider = platform.Issuer.CredentialsFor(new GenomDE.Orleans.Domain.Common.Caller(GenomDE.Orleans.Domain.Common.ParticipantRole.Provider, "123456789"));
        var page = await browser.NewPageAsync(platform.BaseAddress);
        await using var context = page.Context;
        var network = new NetworkLog(page);

        await page.GotoAsync("/login?returnUrl=%2Fdashboard%2F");
        await page.GetByLabel("Client-ID").FillAsync(provider.ClientId);
        await page.GetByLabel("Client-Secret").FillAsync(provider.ClientSecret);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();

        await ExpectVisible(page, network, "login-provider", page.GetByRole(AriaRole.Alert).GetByText("Only the operator may sign in here."));
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == AuthSetup.OperatorSessionCookie);
        Assert.Equal(0, await page.Locator("#app").CountAsync()); // no dashboard app was served
    }

    private bool IsOwn(Uri url) => url.Authority == platform.BaseAddress.Authority;

    /// <summary>Waits until the page's rendered text (<c>innerText</c>) matches <paramref name="pattern"/>.</summary>
    private static async Task ExpectText(IPage page, NetworkLog network, string name, Regex pattern)
    {
        var text = "";
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(250))
        {
            text = await page.Locator("body").InnerTextAsync();
            if (pattern.IsMatch(text))
            {
                return;
            }
        }

        var screenshot = await BrowserFixture.ScreenshotAsync(page, name + "-failed");
        Assert.Fail($"The page never showed /{pattern}/. Page: {page.Url}; screenshot: {screenshot}{Environment.NewLine}Text:{Environment.NewLine}{text}"
            + $"{Environment.NewLine}Requests:{Environment.NewLine}{network.Describe()}");
    }

    /// <summary>Waits for <paramref name="locator"/>; on failure saves a screenshot and reports what the page fetched.</summary>
    private static async Task ExpectVisible(IPage page, NetworkLog network, string name, ILocator locator)
    {
        try
        {
            await Assertions.Expect(locator).ToBeVisibleAsync(Patiently);
        }
        catch (PlaywrightException e)
        {
            var screenshot = await BrowserFixture.ScreenshotAsync(page, name + "-failed");
            Assert.Fail($"{e.Message}{Environment.NewLine}Page: {page.Url}; screenshot: {screenshot}{Environment.NewLine}Requests:{Environment.NewLine}{network.Describe()}"
                + $"{Environment.NewLine}Console errors: {string.Join(" | ", network.ConsoleErrors)}");
        }
    }
}
