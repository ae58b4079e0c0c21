using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace GenomDE.Orleans.Bench;

/// <summary>The operator's feed read while the lifecycles run: for every event, the time from its
/// state change (the event's <c>time</c>, stamped by the grain before its write) until this reader
/// first saw it in <c>GET /api/v1/events</c>. Polls every 100 ms, so the figures include up to
/// 100 ms of polling delay; events that existed before the probe started are skipped.</summary>
internal sealed class EventLagProbe : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<double> _lagsMs = [];
    private readonly Task _loop;
    private readonly DateTimeOffset _since;

    private EventLagProbe(Uri baseAddress, string operatorToken)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", operatorToken);
        _since = DateTimeOffset.UtcNow;
        _loop = Task.Run(Loop);
    }

    public static EventLagProbe Start(Uri baseAddress, string operatorToken) => new(baseAddress, operatorToken);

    public int Count
    {
        get
        {
            lock (_lagsMs)
            {
                return _lagsMs.Count;
            }
        }
    }

    public string Report()
    {
        lock (_lagsMs)
        {
            if (_lagsMs.Count == 0)
            {
                return "event lag: no events seen";
            }

            var sorted = _lagsMs.Order().ToArray();
            double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
            return string.Create(CultureInfo.InvariantCulture,
                $"event lag, state change -> operator's feed (GET /api/v1/events polled every 100 ms): {sorted.Length} events, p50 {At(0.5):F0} ms, p99 {At(0.99):F0} ms, max {sorted[^1]:F0} ms");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _http.Dispose();
        _stop.Dispose();
    }

    private async Task Loop()
    {
        string? cursor = null;
        var first = true;
        while (!_stop.IsCancellationRequested)
        {
            using var response = await _http.GetAsync($"/api/v1/events?limit=1000{(cursor is null ? "" : "&after=" + cursor)}", _stop.Token);
            var seenAt = DateTimeOffset.UtcNow;
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_stop.Token));
            var events = body.RootElement.GetProperty("events");
            cursor = body.RootElement.GetProperty("next").GetString();
            lock (_lagsMs)
            {
                foreach (var e in events.EnumerateArray())
                {
                    var time = DateTimeOffset.Parse(e.GetProperty("time").GetString()!, CultureInfo.InvariantCulture);
                    if (!first || time >= _since)
                    {
                        _lagsMs.Add(Math.Max(0, (seenAt - time).TotalMilliseconds));
                    }
                }
            }

            if (events.GetArrayLength() < 1000)
            {
                first = false; // caught up with the backlog from before the probe
                await Task.Delay(100, _stop.Token);
            }
        }
    }
}
