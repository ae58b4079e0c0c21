using System.Net;
using System.Net.Http.Headers;
using GenomDE.Orleans.ClientApi.Auth;
using GenomDE.Orleans.ClientApi.Limits;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Tests.Fixtures;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GenomDE.Orleans.Tests.Api;

/// <summary>The rate limiter on an API host with deliberately low limits (the platform's own host
/// keeps the generous defaults): a participant's burst is refused with 429 and Retry-After while
/// another participant goes on; anonymous requests, the token endpoint included, are limited by address.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class RateLimitTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_burst_over_the_limit_gets_429_with_Retry_After_while_another_participant_is_not_refused()
    {
        var (api, address) = await platform.StartApiAsync(new Dictionary<string, string?>
        {
            ["RateLimits:PermitsPerSecond"] = "1",
            ["RateLimits:Burst"] = "5",
        });
        await using var _ = api;
        var issuer = api.Services.GetRequiredService<EmbeddedIssuer>();
        using var noisy = Client(address, issuer, new Caller(ParticipantRole.Provider, TestIds.Ik()));
        using var quiet = Client(address, issuer, new Caller(ParticipantRole.Payer, TestIds.Ik()));

        var burst = Task.WhenAll(Enumerable.Range(0, 30).Select(_ => noisy.GetAsync("/api/v1/webhooks")));
        var meanwhile = Task.WhenAll(Enumerable.Range(0, 3).Select(_ => quiet.GetAsync("/api/v1/webhooks")));
        var answers = await burst;

        var refused = answers.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.True(refused.Count >= 20, $"{refused.Count} of 30 requests were refused; a bucket of 5 refilling 1/s lets at most 5 + 1 a second through.");
        foreach (var response in refused)
        {
            var detail = await response.AssertProblem(HttpStatusCode.TooManyRequests, "rate_limited");
            Assert.Contains("(1/s, bursts of up to 5)", detail, StringComparison.Ordinal);
            Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {response.Headers.RetryAfter}");
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        }

        Assert.All(answers.Except(refused), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(await meanwhile, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    [Fact]
    public async Task Anonymous_requests_are_limited_by_address_at_the_token_endpoint_too_but_health_probes_are_not()
    {
        var (api, address) = await platform.StartApiAsync(new Dictionary<string, string?>
        {
            ["RateLimits:AnonymousPermitsPerSecond"] = "1",
            ["RateLimits:AnonymousBurst"] = "3",
        });
        await using var _ = api;
        using var anonymous = new HttpClient { BaseAddress = address };

        // Wrong secrets: the issuer refuses those inside authentication, so only a limiter in front of it counts them.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var answer = await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = "provider.123456789",
                ["client_secret"] = "guess-" + i,
            }));
            statuses.Add(answer.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.DoesNotContain(HttpStatusCode.OK, statuses);
        var documents = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++)
        {
            documents.Add(await anonymous.GetAsync("/openapi/v1.json"));
        }

        var limited = documents.First(r => r.StatusCode == HttpStatusCode.TooManyRequests); // 10 in far less than 10 s
        var detail = await limited.AssertProblem(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.StartsWith("Anonymous requests from this address", detail, StringComparison.Ordinal);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        }
    }

    [Fact]
    public void Participants_have_their_own_bucket_and_anonymous_requests_share_their_address_s()
    {
        var provider = new Caller(ParticipantRole.Provider, "123456789");
        var address = IPAddress.Parse("203.0.113.7");

        Assert.Equal("participant:provider:123456789", RateLimitPartitions.KeyOf("/api/v1/tokens", provider, address));
        Assert.Equal("participant:payer:123456789", RateLimitPartitions.KeyOf("/api/v1/claims", provider with { Role = ParticipantRole.Payer }, address));
        Assert.Equal("anonymous:203.0.113.7", RateLimitPartitions.KeyOf("/api/v1/nodes", null, address));
        Assert.Equal("anonymous:203.0.113.7", RateLimitPartitions.KeyOf("/connect/token", provider, address)); // sign-in counts as anonymous
        Assert.Equal("anonymous:203.0.113.7", RateLimitPartitions.KeyOf("/login", new Caller(ParticipantRole.Operator, "BfArM"), address));
        Assert.Null(RateLimitPartitions.KeyOf("/health/ready", null, address));
        Assert.Equal("anonymous:unknown", RateLimitPartitions.KeyOf(new PathString("/docs"), null, null));
    }

    [Theory]
    [InlineData("198.51.100.20", "198.51.100.20")]
    [InlineData("::ffff:198.51.100.20", "198.51.100.20")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void IPv6_addresses_share_a_bucket_per_64_block(string address, string key)
    {
        Assert.Equal(key, RateLimitPartitions.AddressKey(IPAddress.Parse(address)));
    }

    private static HttpClient Client(Uri address, EmbeddedIssuer issuer, Caller caller)
    {
        var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Issue(issuer, caller));
        return client;
    }
}
