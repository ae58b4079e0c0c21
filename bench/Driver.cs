using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace GenomDE.Orleans.Bench;

/// <summary>A request that did not get its expected answer; counted as an error of its endpoint.</summary>
internal sealed class BenchFailureException(string message) : Exception(message);

/// <summary>Latencies and errors per endpoint label.</summary>
internal sealed class Recorder
{
    private readonly ConcurrentDictionary<string, Endpoint> _endpoints = new(StringComparer.Ordinal);

    public bool Enabled { get; set; } = true;

    public void Record(string label, double milliseconds, string? error)
    {
        if (!Enabled)
        {
            return;
        }

        var endpoint = _endpoints.GetOrAdd(label, _ => new Endpoint());
        lock (endpoint)
        {
            endpoint.Latencies.Add(milliseconds);
            if (error is not null)
            {
                endpoint.Errors++;
                endpoint.FirstError ??= error;
            }
        }
    }

    public long Requests => _endpoints.Values.Sum(e => (long)e.Latencies.Count);

    public long Errors => _endpoints.Values.Sum(e => e.Errors);

    /// <summary>Requests recorded under labels that match <paramref name="label"/>.</summary>
    public long RequestsWhere(Func<string, bool> label) => _endpoints.Where(p => label(p.Key)).Sum(p => (long)p.Value.Latencies.Count);

    /// <summary>The endpoint with the highest <paramref name="fraction"/> percentile, or null when nothing was recorded.</summary>
    public (string Label, double Milliseconds)? Worst(double fraction)
    {
        (string, double)? worst = null;
        foreach (var (label, e) in _endpoints)
        {
            double[] sorted;
            lock (e)
            {
                sorted = [.. e.Latencies.Order()];
            }

            var value = Percentile(sorted, fraction);
            if (sorted.Length > 0 && (worst is null || value > worst.Value.Item2))
            {
                worst = (label, value);
            }
        }

        return worst;
    }

    public void Clear() => _endpoints.Clear();

    /// <summary>The <paramref name="fraction"/> percentile over every request recorded, all endpoints together.</summary>
    public double OverallPercentile(double fraction)
    {
        var all = _endpoints.Values.SelectMany(e =>
        {
            lock (e)
            {
                return e.Latencies.ToList();
            }
        }).Order().ToList();
        return all.Count == 0 ? double.NaN : all[Math.Min(all.Count - 1, (int)Math.Ceiling(fraction * all.Count) - 1)];
    }

    public IEnumerable<string> Table()
    {
        yield return string.Create(CultureInfo.InvariantCulture, $"  {"endpoint",-46} {"count",7} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"errors",6}");
        foreach (var (label, e) in _endpoints.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            double[] sorted;
            lock (e)
            {
                sorted = [.. e.Latencies.Order()];
            }

            yield return string.Create(CultureInfo.InvariantCulture,
                $"  {label,-46} {sorted.Length,7} {Percentile(sorted, 0.50),8:F1} {Percentile(sorted, 0.95),8:F1} {Percentile(sorted, 0.99),8:F1} {sorted[^1],8:F1} {e.Errors,6}");
            if (e.FirstError is { } first)
            {
                yield return "    first error: " + first;
            }
        }
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private sealed class Endpoint
    {
        public List<double> Latencies { get; } = [];

        public long Errors { get; set; }

        public string? FirstError { get; set; }
    }
}

/// <summary>HTTP/1.1 keep-alive client of the REST API; each call is timed end to end (send until
/// the whole body is read).</summary>
internal sealed class Api(Uri baseAddress, Recorder recorder) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 1024,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        AllowAutoRedirect = false,
        UseCookies = false,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public Recorder Recorder => recorder;

    /// <summary>An access token from the embedded issuer (client-credentials grant), as a participant's system gets one.</summary>
    public async Task<string> Token(string clientId, string clientSecret)
    {
        using var response = await _http.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        }));
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? System.Text.Json.Nodes.JsonNode.Parse(text)!["access_token"]!.GetValue<string>()
            : throw new BenchFailureException($"POST /connect/token ({clientId}): {(int)response.StatusCode} {text}");
    }

    public Task<string> Send(Step step, string path, string? token, string? jsonBody,
        HttpStatusCode expected = HttpStatusCode.OK, bool idempotencyKey = false, CancellationToken ct = default) =>
        Send(step.Label, step.Method, path, token, jsonBody, expected, idempotencyKey, ct);

    public async Task<string> Send(string label, HttpMethod method, string path, string? token, string? jsonBody,
        HttpStatusCode expected = HttpStatusCode.OK, bool idempotencyKey = false, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (idempotencyKey)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        }

        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        }

        var start = Stopwatch.GetTimestamp();
        string text;
        HttpStatusCode status;
        try
        {
            using var response = await _http.SendAsync(request, ct);
            text = await response.Content.ReadAsStringAsync(ct);
            status = response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            var failed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            recorder.Record(label, failed, e.Message);
            throw new BenchFailureException($"{label}: {e.Message}");
        }

        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (status != expected)
        {
            var error = string.Create(CultureInfo.InvariantCulture, $"{(int)status}: {(text.Length > 400 ? text[..400] : text)}");
            recorder.Record(label, elapsed, error);
            throw new BenchFailureException($"{label} {error}");
        }

        recorder.Record(label, elapsed, null);
        return text;
    }

    public void Dispose() => _http.Dispose();
}
