using System.Net;
using System.Text;
using System.Text.Json;

namespace GenomDE.Orleans.Tests.Faults.Lifecycles;

/// <summary>A participant's HTTP client that retries, as the API asks: a 503 or a broken connection
/// means "outcome unknown", so the same request goes again with the same Idempotency-Key until it
/// gets a definite answer. A 500 is recorded as a broken promise and retried too, so one run shows
/// all of them.</summary>
public sealed class PatientClient(HttpClient http, RetryLog log)
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <summary>Called after every failed attempt, before the retry (e.g. to inspect the silo that failed).</summary>
    public Func<string, Task>? OnFailedAttempt { get; set; }

    public Task<Answer> Post(string path, string json, string? key) => Send(HttpMethod.Post, path, json, key);

    public Task<Answer> Put(string path, string json) => Send(HttpMethod.Put, path, json, null);

    public Task<Answer> Get(string path) => Send(HttpMethod.Get, path, null, null);

    public async Task<Answer> Send(HttpMethod method, string path, string? json, string? key)
    {
        var failed = new List<string>();
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            using var request = new HttpRequestMessage(method, path);
            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            if (key is not null)
            {
                request.Headers.Add("Idempotency-Key", key);
            }

            string failure;
            try
            {
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode < 500)
                {
                    return new Answer(response.StatusCode, body, failed);
                }

                failure = Describe(method, path, response, body);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                failure = $"connection: {e.GetType().Name}";
            }

            failed.Add(failure);
            log.Failed(failure);
            Assert.True(DateTime.UtcNow < deadline, $"{method} {path} got no definite answer within {Patience}: {string.Join(" | ", failed.TakeLast(5))}");
            if (OnFailedAttempt is { } inspect)
            {
                await inspect(failure);
            }

            await Task.Delay(150);
        }
    }

    private string Describe(HttpMethod method, string path, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        var problemType = "";
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            using var problem = JsonDocument.Parse(body);
            problemType = problem.RootElement.GetProperty("type").GetString()!.Replace("urn:genomde:problem:", "", StringComparison.Ordinal);
        }

        if (response.StatusCode != HttpStatusCode.ServiceUnavailable || problemType.Length == 0)
        {
            log.Forbid($"{method} {path} → {status} {response.Content.Headers.ContentType?.MediaType}: {body}");
        }

        return $"{status} {problemType}".TrimEnd();
    }
}
