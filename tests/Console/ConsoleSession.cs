using Deque.AxeCore.Playwright;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Tests.Browser;
using GenomDE.Orleans.Tests.Fixtures;
using Microsoft.Playwright;

namespace GenomDE.Orleans.Tests.Console;

/// <summary>A browser signed in to the console, plus the checks every console page gets: no
/// serious or critical axe violation, nothing blocked by the content security policy, a screenshot.</summary>
public sealed class ConsoleSession(IPage page, NetworkLog network) : IAsyncDisposable
{
    public IPage Page => page;

    public NetworkLog Network => network;

    public static async Task<ConsoleSession> SignIn(PlatformFixture platform, BrowserFixture browser, string path = "/console")
    {
        var session = await Open(platform, browser);
        var operatorClient = platform.Issuer.CredentialsFor(new Caller(ParticipantRole.Operator, "BfArM"));
        await session.Page.GotoAsync(path);
        Assert.Equal("/login", new Uri(session.Page.Url).AbsolutePath); // no session yet: via the issuer's authorization endpoint to the sign-in page
        await session.Page.GetByLabel("Client-ID").FillAsync(operatorClient.ClientId);
        await session.Page.GetByLabel("Client-Secret").FillAsync(operatorClient.ClientSecret);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        // The first sign-in of a run also warms the issuer and the console's first render: patiently.
        await session.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/console", StringComparison.Ordinal) && !url.Contains("/console/signin", StringComparison.Ordinal),
            new() { Timeout = 90_000 });
        return session;
    }

    public static async Task<ConsoleSession> Open(PlatformFixture platform, BrowserFixture browser)
    {
        var page = await browser.NewPageAsync(platform.BaseAddress);
        return new ConsoleSession(page, new NetworkLog(page));
    }

    /// <summary>Opens a console page and checks it: 200, rendered heading, axe, CSP, screenshot.</summary>
    public async Task Visit(string path, string heading, string screenshot)
    {
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response?.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 }), screenshot);
        await Check(screenshot);
    }

    public async Task Check(string screenshot)
    {
        await BrowserFixture.ScreenshotAsync(page, screenshot, fullPage: true);
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}: axe found serious or critical violations:{Environment.NewLine}"
            + string.Join(Environment.NewLine, serious.Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
        var blocked = network.ConsoleErrors.Where(e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(blocked.Count == 0, $"The console's content security policy blocked something:{Environment.NewLine}{string.Join(Environment.NewLine, blocked)}");
    }

    public async Task Expect(ILocator locator, string screenshot)
    {
        try
        {
            await Assertions.Expect(locator).ToBeVisibleAsync(new() { Timeout = 30_000 });
        }
        catch (PlaywrightException e)
        {
            var file = await BrowserFixture.ScreenshotAsync(page, screenshot + "-failed", fullPage: true);
            Assert.Fail($"{e.Message}{Environment.NewLine}Page: {page.Url}; screenshot: {file}{Environment.NewLine}Text:{Environment.NewLine}{await page.Locator("body").InnerTextAsync()}");
        }
    }

    public async ValueTask DisposeAsync() => await page.Context.DisposeAsync();
}
