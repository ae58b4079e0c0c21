using GenomDE.Orleans.Tests.Fixtures;

namespace GenomDE.Orleans.Tests.Api;

/// <summary>Forwarded headers count only from the configured reverse proxies: a client that claims
/// "I came over HTTPS" itself is not believed, the proxy that terminated HTTPS is.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class ReverseProxyTests(PlatformFixture platform)
{
    [Fact]
    public async Task Https_forwarded_by_a_listed_proxy_gets_hsts_and_the_same_claim_from_anyone_else_does_not()
    {
        Assert.False((await ForwardedHttps(platform.AnonymousClient())).Headers.Contains("Strict-Transport-Security"),
            "X-Forwarded-Proto from an unlisted address must be ignored");

        var (api, address) = await platform.StartApiAsync(new Dictionary<string, string?> { ["Proxy:KnownProxies:0"] = "127.0.0.1" });
        await using var _ = api;
        using var behindProxy = new HttpClient { BaseAddress = address };
        var answer = await ForwardedHttps(behindProxy);

        Assert.Contains("max-age=", Assert.Single(answer.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> ForwardedHttps(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        return await http.SendAsync(request);
    }
}
