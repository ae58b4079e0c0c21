using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GenomDE.Orleans.ClientApi;

namespace GenomDE.Orleans.Tests.Fixtures;

/// <summary>Small helpers for talking to the API the way a client does.</summary>
public static class Http
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    /// <summary><c>GET /api/v1/tokens</c> for the service days a test's tokens get: yesterday to
    /// tomorrow (UTC), which covers today in Germany at any hour.</summary>
    public static string RecentTokensPath =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/api/v1/tokens?from={DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}&to={DateTime.UtcNow.AddDays(1):yyyy-MM-dd}");

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string path, object body, string? idempotencyKey = null) =>
        client.PostJsonText(path, JsonSerializer.Serialize(body, Json), idempotencyKey);

    public static StringContent JsonBody(object body) =>
        new(JsonSerializer.Serialize(body, Json), System.Text.Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PostRaw(this HttpClient client, string path, string body, string mediaType = "application/json") =>
        client.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, mediaType));

    /// <summary>Sends the POST; a <c>409 idempotency_key_in_flight</c> (the same key still running,
    /// e.g. shared setup of tests running side by side) is retried shortly, and a <c>429
    /// rate_limited</c> (many such retries at once) after its Retry-After, as a client following the
    /// API does, so callers see the first request's answer.</summary>
    public static async Task<HttpResponseMessage> PostJsonText(this HttpClient client, string path, string body, string? idempotencyKey)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            if (idempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }

            var response = await client.SendAsync(request);
            var limited = response.StatusCode == HttpStatusCode.TooManyRequests;
            if (attempt >= 100 || !(limited || (response.StatusCode == HttpStatusCode.Conflict
                && (await response.Content.ReadAsStringAsync()).Contains("idempotency_key_in_flight", StringComparison.Ordinal))))
            {
                return response;
            }

            var wait = limited ? response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1) : TimeSpan.FromMilliseconds(50);
            response.Dispose();
            await Task.Delay(wait);
        }
    }

    public static async Task<T> Read<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {expected}, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    /// <summary>Asserts an RFC 9457 problem with our type URN and returns its detail.</summary>
    public static async Task<string> AssertProblem(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.Equal($"urn:genomde:problem:{code}", problem.RootElement.GetProperty("type").GetString());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("title").GetString()));
        var detail = problem.RootElement.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail));
        return detail!;
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiComposition.Configure(options);
        return options;
    }
}
