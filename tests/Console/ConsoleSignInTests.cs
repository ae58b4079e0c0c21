using System.Security.Cryptography;
using System.Text;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Tests.Browser;
using GenomDE.Orleans.Tests.Fixtures;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Playwright;

namespace GenomDE.Orleans.Tests.Console;

/// <summary>The console's sign-in through the embedded issuer, in headless Chromium: authorization
/// code with PKCE, the operator's sign-in at /login as the issuer's user authentication.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class ConsoleSignInTests(PlatformFixture platform, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_console_signs_the_operator_in_through_the_authorization_endpoint_with_pkce()
    {
        await using var console = await ConsoleSession.SignIn(platform, browser);

        await console.Expect(console.Page.GetByRole(AriaRole.Heading, new() { Name = "Übersicht", Level = 1 }), "console-signin");
        var authorize = console.Network.Under("/connect/authorize");
        Assert.Contains(authorize, e => e.Status == 302 && e.Url.Query.Contains("code_challenge_method=S256", StringComparison.Ordinal));
        var callback = Assert.Single(console.Network.Under("/console/signin-oidc"));
        Assert.Equal(200, callback.Status);
        Assert.Contains("code=", callback.Url.Query, StringComparison.Ordinal);
        Assert.Contains(await console.Page.Context.CookiesAsync(), c => c.Name == "__Host-genomde-operator");
        Assert.DoesNotContain(await console.Page.Context.CookiesAsync(), c => c.Name == "__Host-genomde-console-signin"); // used once
    }

    [Fact]
    public async Task A_provider_is_refused_and_gets_no_console_session()
    {
        await using var session = await ConsoleSession.Open(platform, browser);
        var provider = platform.Issuer.CredentialsFor(new Caller(ParticipantRole.Provider, "123456789"));
        await session.Page.GotoAsync("/console");
        Assert.Equal("/login", new Uri(session.Page.Url).AbsolutePath);
        await session.Page.GetByLabel("Client-ID").FillAsync(provider.ClientId);
        await session.Page.GetByLabel("Client-Secret").FillAsync(provider.ClientSecret);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();

        await session.Expect(session.Page.GetByRole(AriaRole.Alert).GetByText("Only the operator may sign in here."), "console-signin-provider");
        Assert.Empty(session.Network.Under("/console/signin-oidc"));
        Assert.DoesNotContain(await session.Page.Context.CookiesAsync(), c => c.Name == "__Host-genomde-operator");
    }

    [Fact]
    public async Task An_authorize_request_without_pkce_or_with_a_foreign_redirect_uri_gets_an_oauth_error_not_a_code()
    {
        // Signed in, so that only the request itself can be the reason for the refusal.
        await using var console = await ConsoleSession.SignIn(platform, browser);
        var http = console.Page.Context.APIRequest;
        var own = platform.BaseAddress.GetLeftPart(UriPartial.Authority) + "/console/signin-oidc";
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)))));

        var accepted = await http.GetAsync(Authorize(own, challenge), new() { MaxRedirects = 0 });
        Assert.Equal(302, accepted.Status);
        Assert.StartsWith(own + "?code=", accepted.Headers["location"], StringComparison.Ordinal); // the control: this request earns a code

        var withoutPkce = await http.GetAsync(Authorize(own, challenge: null), new() { MaxRedirects = 0 });
        Assert.Equal(400, withoutPkce.Status);
        Assert.False(withoutPkce.Headers.ContainsKey("location"));
        var error = await withoutPkce.TextAsync();
        Assert.Contains("error:invalid_request", error, StringComparison.Ordinal);
        Assert.Contains("code_challenge", error, StringComparison.Ordinal);

        var plain = await http.GetAsync(Authorize(own, challenge)[..^"S256".Length] + "plain", new() { MaxRedirects = 0 });
        Assert.DoesNotContain("code=", plain.Headers.GetValueOrDefault("location") ?? "", StringComparison.Ordinal);
        Assert.Contains("error", (plain.Headers.GetValueOrDefault("location") ?? "") + await plain.TextAsync(), StringComparison.Ordinal);

        var foreign = await http.GetAsync(Authorize("https://attacker.example/console/signin-oidc", challenge), new() { MaxRedirects = 0 });
        Assert.Equal(400, foreign.Status); // never redirected to an unregistered URI, not even with an error
        Assert.False(foreign.Headers.ContainsKey("location"));
        Assert.Contains("error:invalid_request", await foreign.TextAsync(), StringComparison.Ordinal);
    }

    private static string Authorize(string redirectUri, string? challenge) =>
        "/connect/authorize?response_type=code&client_id=genomde-console&scope=openid&state=s1&nonce=n1"
        + $"&redirect_uri={Uri.EscapeDataString(redirectUri)}"
        + (challenge is null ? "" : $"&code_challenge={challenge}&code_challenge_method=S256");
}
