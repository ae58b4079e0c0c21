using System.Net;
using GenomDE.Orleans.ClientApi.Hosting;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Tests.Fixtures;
using Microsoft.AspNetCore.Http;

namespace GenomDE.Orleans.Tests.Api;

/// <summary>Every answer, errors included, carries nosniff, a content security policy that forbids
/// framing, and no-referrer; HSTS only over HTTPS.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class SecurityHeadersTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("operator", "/api/v1/nodes", HttpStatusCode.OK)]
    [InlineData("operator", "/api/v1/nowhere", HttpStatusCode.NotFound)]
    [InlineData("anonymous", "/api/v1/nodes", HttpStatusCode.Unauthorized)]
    [InlineData("provider", "/api/v1/statistics", HttpStatusCode.Forbidden)]
    [InlineData("provider", "/api/v1/tokens", HttpStatusCode.BadRequest)]
    [InlineData("anonymous", "/health/ready", HttpStatusCode.OK)]
    [InlineData("anonymous", "/openapi/v1.json", HttpStatusCode.OK)]
    public async Task Api_answers_may_neither_run_nor_load_anything(string who, string path, HttpStatusCode status)
    {
        var http = who switch
        {
            "operator" => platform.Operator(),
            "provider" => platform.Client(ParticipantRole.Provider, "123456789"),
            _ => platform.AnonymousClient(),
        };

        var response = await http.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        AssertCommonHeaders(response);
        Assert.Equal(ContentSecurityPolicies.Api, Header(response, "Content-Security-Policy"));
    }

    [Theory]
    [InlineData("/docs/")]
    [InlineData("/login")]
    [InlineData("/dashboard/")]
    public async Task Pages_load_from_this_host_only_and_cannot_be_framed(string path)
    {
        var response = await platform.AnonymousClient().GetAsync(path);

        AssertCommonHeaders(response);
        var policy = Header(response, "Content-Security-Policy");
        Assert.Equal(path.StartsWith("/docs", StringComparison.Ordinal) ? ContentSecurityPolicies.Docs : ContentSecurityPolicies.Pages, policy);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void Hsts_only_over_https()
    {
        var plain = new DefaultHttpContext();
        var secure = new DefaultHttpContext();
        secure.Request.Scheme = "https";

        SecurityHeaders.Apply(plain);
        SecurityHeaders.Apply(secure);

        Assert.False(plain.Response.Headers.ContainsKey("Strict-Transport-Security"));
        Assert.Equal(SecurityHeaders.StrictTransportSecurity, secure.Response.Headers.StrictTransportSecurity.ToString());
        Assert.Equal("nosniff", secure.Response.Headers.XContentTypeOptions.ToString());
    }

    private static void AssertCommonHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS over plain HTTP");
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? Assert.Single(values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing on {(int)response.StatusCode} {response.RequestMessage?.RequestUri}");
}
