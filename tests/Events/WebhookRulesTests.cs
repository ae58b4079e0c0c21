using System.Net;
using System.Text;
using GenomDE.Orleans.Grains.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using StandardWebhooks;

namespace GenomDE.Orleans.Tests.Events;

public sealed class WebhookRulesTests
{
    [Theory]
    [InlineData("http://example.org/hook")]                 // not https
    [InlineData("ftp://example.org/hook")]
    [InlineData("/relative")]
    [InlineData("https://user:pw@example.org/hook")]        // credentials in the URL
    [InlineData("https://127.0.0.1/hook")]                  // loopback
    [InlineData("https://[::1]/hook")]
    [InlineData("https://10.1.2.3/hook")]                   // private
    [InlineData("https://172.20.0.1/hook")]
    [InlineData("https://192.168.1.10/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")] // link-local (cloud metadata)
    [InlineData("https://[fe80::1]/hook")]
    [InlineData("https://[fd12:3456::1]/hook")]             // unique-local
    [InlineData("https://[::ffff:10.0.0.1]/hook")]           // IPv4-mapped private
    [InlineData("https://100.64.0.1/hook")]                 // carrier-grade NAT
    [InlineData("https://0.0.0.0/hook")]
    [InlineData("https://internal.example/hook")]            // a name that resolves to a private address
    public async Task Unsafe_urls_are_refused_in_production(string url)
    {
        var error = await Validator(allowLoopback: false).ValidateAsync(url);

        Assert.NotNull(error);
        Assert.Equal("invalid_webhook_url", error.Code);
    }

    [Fact]
    public async Task Public_https_urls_and_overlong_urls()
    {
        Assert.Null(await Validator(false).ValidateAsync("https://hooks.example.org/genomde?x=1"));
        Assert.Null(await Validator(false).ValidateAsync("https://93.184.216.34/hook"));
        Assert.NotNull(await Validator(false).ValidateAsync("https://hooks.example.org/" + new string('a', 2040)));
    }

    [Fact]
    public async Task Loopback_over_http_only_when_allowed_and_never_private_ranges()
    {
        Assert.Null(await Validator(true).ValidateAsync("http://127.0.0.1:5123/hook"));
        Assert.NotNull(await Validator(true).ValidateAsync("http://hooks.example.org/hook"));
        Assert.NotNull(await Validator(true).ValidateAsync("https://10.1.2.3/hook"));
    }

    [Fact]
    public void Signatures_verify_with_the_StandardWebhooks_library_for_either_secret_during_rotation()
    {
        var (oldSecret, newSecret) = (WebhookSecrets.New(), WebhookSecrets.New());
        const string body = """{"specversion":"1.0","id":"evt-1"}""";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = WebhookSecrets.SignatureHeader([newSecret, oldSecret], "evt-1", timestamp, Encoding.UTF8.GetBytes(body));

        var headers = new HeaderDictionary
        {
            ["webhook-id"] = "evt-1",
            ["webhook-timestamp"] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["webhook-signature"] = header,
        };
        Assert.True(SignatureCheck.Verifies(newSecret, body, headers));
        Assert.True(SignatureCheck.Verifies(oldSecret, body, headers));
        Assert.False(SignatureCheck.Verifies(WebhookSecrets.New(), body, headers));
        Assert.False(SignatureCheck.Verifies(newSecret, body + " ", headers));

        // The specification's own recipe, independent of the library: HMAC-SHA256 over "id.timestamp.body".
        var expected = Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(
            WebhookSecrets.KeyOf(newSecret), Encoding.UTF8.GetBytes($"evt-1.{timestamp}.{body}")));
        Assert.Equal($"v1,{expected}", header.Split(' ')[0]);

        // The library on the whole header: the first entry verifies (the last is never looked at).
        new StandardWebhook(newSecret).Verify(body, headers);
    }

    [Fact]
    public void Retry_delays_grow_exponentially_with_jitter_up_to_the_cap()
    {
        var first = TimeSpan.FromSeconds(5);
        var max = TimeSpan.FromHours(1);
        Assert.Equal(TimeSpan.FromSeconds(5), RetrySchedule.DelayAfter(1, first, max, 1.0));
        Assert.Equal(TimeSpan.FromSeconds(2.5), RetrySchedule.DelayAfter(1, first, max, 0.0));
        Assert.Equal(TimeSpan.FromSeconds(40), RetrySchedule.DelayAfter(4, first, max, 1.0));
        Assert.Equal(max, RetrySchedule.DelayAfter(50, first, max, 1.0));

        // With the defaults, an endpoint that never answers is retried well beyond 24 hours before
        // DisableAfter (3 days) stops it.
        var total = Enumerable.Range(1, 40).Aggregate(TimeSpan.Zero, (sum, n) => sum + RetrySchedule.DelayAfter(n, first, max, 0.0));
        Assert.True(total >= TimeSpan.FromHours(15));
    }

    private static WebhookUrlValidator Validator(bool allowLoopback) =>
        new(Options.Create(new WebhookOptions { AllowLoopback = allowLoopback }), (host, _) => Task.FromResult(host switch
        {
            "internal.example" => new[] { IPAddress.Parse("10.0.0.7") },
            _ => [IPAddress.Parse("93.184.216.34")],
        }));
}
