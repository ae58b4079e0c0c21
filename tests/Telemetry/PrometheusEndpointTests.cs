using System.Net;
using System.Net.Http.Headers;
using GenomDE.Orleans.ClientApi.Auth;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Webhooks;
using GenomDE.Orleans.Tests.Events;
using GenomDE.Orleans.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace GenomDE.Orleans.Tests.Telemetry;

/// <summary>The scrape endpoint lives on its own port (<c>Telemetry:PrometheusPort</c>), answers
/// without credentials there and serves the platform's own instruments beside Orleans' and ASP.NET
/// Core's; the API's port has no <c>/metrics</c>, and the scrape port serves nothing else.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class PrometheusEndpointTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_scrape_port_serves_the_platform_meter_anonymously_and_only_that()
    {
        var port = FreePort();
        var (api, apiAddress) = await platform.StartApiAsync(new Dictionary<string, string?> { ["Telemetry:PrometheusPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        try
        {
            using var scraper = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

            // A webhook whose receiver refuses each message once: one failed attempt, then delivery.
            await using var receiver = await WebhookReceiver.StartAsync(failuresPerMessage: 1);
            var ik = TestIds.Ik();
            var created = await (await platform.Client(ParticipantRole.Provider, ik).PostJson("/api/v1/webhooks", new { url = receiver.Url.ToString(), types = new[] { "*" } }, TestIds.Key()))
                .Read<WebhookWithSecret>(HttpStatusCode.Created);
            receiver.Secrets.Add(created.Secret);
            await platform.EventLog().AppendAsync([SyntheticEvents.Case(ik)]);
            Assert.Single(await receiver.WaitFor(1, TimeSpan.FromSeconds(30)));

            // The projection lag is recorded when the projector applies the event (reading the case
            // gauge makes it catch up), so a scrape after that one shows it: scrape until it does.
            var text = await ScrapeUntil(scraper, t => t.Contains("genomde_events_projection_lag_seconds_bucket{", StringComparison.Ordinal));

            Assert.Contains(Samples(text, "genomde_webhook_delivery_failures_total"), l => l.Contains("error_type=\"500\"", StringComparison.Ordinal));
            Assert.Contains(Samples(text, "genomde_cases"), l => l.Contains("status=\"registered\"", StringComparison.Ordinal));
            Assert.Contains("# TYPE genomde_cases gauge", text, StringComparison.Ordinal);
            Assert.Contains("# TYPE genomde_events_projection_lag_seconds histogram", text, StringComparison.Ordinal);
            Assert.Contains("orleans_", text, StringComparison.Ordinal);
            Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
            Assert.Contains("service_name=\"", text, StringComparison.Ordinal); // target_info: the resource

            // Only /metrics on the scrape port, and no /metrics on the API's port.
            Assert.Equal(HttpStatusCode.NotFound, (await scraper.GetAsync("/api/v1/nodes")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await scraper.GetAsync("/health/live")).StatusCode);
            using var apiClient = new HttpClient { BaseAddress = apiAddress };
            Assert.Equal(HttpStatusCode.Unauthorized, (await apiClient.GetAsync("/metrics")).StatusCode);
            var issuer = api.Services.GetRequiredService<EmbeddedIssuer>();
            apiClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Issue(issuer, new Caller(ParticipantRole.Operator, "BfArM")));
            Assert.Equal(HttpStatusCode.NotFound, (await apiClient.GetAsync("/metrics")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await apiClient.GetAsync("/api/v1/statistics")).StatusCode);
        }
        finally
        {
            await api.StopAsync();
            await api.DisposeAsync();
        }
    }

    /// <summary>The exporter caches a scrape briefly; the condition is awaited, never a fixed time.</summary>
    private static async Task<string> ScrapeUntil(HttpClient scraper, Func<string, bool> done)
    {
        var text = "";
        for (var attempt = 0; attempt < 100 && !done(text); attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(200);
            }

            using var response = await scraper.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            text = await response.Content.ReadAsStringAsync();
        }

        Assert.True(done(text), "The scrape never showed the projection lag:\n" + text);
        return text;
    }

    /// <summary>The sample lines of one metric (labels in any order).</summary>
    private static List<string> Samples(string text, string metric) =>
        [.. text.Split('\n').Where(l => l.StartsWith(metric + "{", StringComparison.Ordinal))];

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
