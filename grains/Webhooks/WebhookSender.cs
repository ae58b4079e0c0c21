using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using GenomDE.Orleans.GrainInterfaces.Webhooks;
using Microsoft.Extensions.Options;

namespace GenomDE.Orleans.Grains.Webhooks;

/// <summary>Sends one signed delivery. One per silo: a shared connection pool, no redirects, a
/// timeout per attempt, a cap on deliveries in flight, and the address guard applied again when
/// connecting (the name may resolve elsewhere than when the endpoint was registered).</summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _slots;
    private readonly WebhookOptions _options;
    private readonly TimeProvider _clock;

    public WebhookSender(IOptions<WebhookOptions> options, TimeProvider clock)
    {
        _options = options.Value;
        _clock = clock;
        _slots = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrency));
        var allowLoopback = _options.AllowLoopback;
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = _options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5), // pick up DNS changes
            ConnectCallback = (context, ct) => ConnectGuarded(context.DnsEndPoint, allowLoopback, ct),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan, // per attempt below
        };
    }

    public async Task<WebhookDelivery> SendAsync(Uri url, string webhookId, ReadOnlyMemory<byte> body, IReadOnlyList<string> secrets, int attempt, CancellationToken cancellationToken = default)
    {
        // Waiting for a free slot is this silo's congestion, not the receiver's: it does not count
        // against the attempt's timeout or latency.
        await _slots.WaitAsync(cancellationToken);
        var at = _clock.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            var timestamp = _clock.GetUtcNow().ToUnixTimeSeconds(); // per attempt, as the receiver checks its age
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ReadOnlyMemoryContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation("webhook-id", webhookId);
            request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.TryAddWithoutValidation("webhook-signature", WebhookSecrets.SignatureHeader(secrets, webhookId, timestamp, body.Span));
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return Outcome((int)response.StatusCode, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Outcome(null, $"timeout after {_options.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException failure)
        {
            return Outcome(null, failure.InnerException?.Message ?? failure.Message);
        }
        finally
        {
            _slots.Release();
        }

        WebhookDelivery Outcome(int? status, string? error) =>
            new(webhookId, webhookId, attempt, at, status, error, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public void Dispose()
    {
        _http.Dispose();
        _slots.Dispose();
    }

    private static async ValueTask<Stream> ConnectGuarded(DnsEndPoint target, bool allowLoopback, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(target.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(target.Host, cancellationToken);
        var allowed = addresses.Where(a => WebhookAddressPolicy.IsAllowed(a, allowLoopback)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"'{target.Host}' resolves to no public address; not delivering.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, target.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
