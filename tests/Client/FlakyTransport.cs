using System.Collections.Concurrent;
using System.Net;

namespace GenomDE.Orleans.Tests.Client;

/// <summary>The network between the client and the API at its worst: the first attempt of every
/// POST is answered 503 before it reaches the API; the second reaches the API, but its answer is
/// lost and replaced by a 503; only the third gets through. Every attempt is recorded.</summary>
internal sealed class FlakyTransport() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);

    public ConcurrentQueue<(HttpMethod Method, string Path, string? Key, string Outcome)> Seen { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null;
        var path = request.RequestUri!.AbsolutePath;
        if (request.Method != HttpMethod.Post || key is null)
        {
            Seen.Enqueue((request.Method, path, key, "passed"));
            return await base.SendAsync(request, cancellationToken);
        }

        var attempt = _attempts.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (attempt == 1)
        {
            Seen.Enqueue((request.Method, path, key, "503 before forwarding"));
            return Unavailable(request);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (attempt == 2)
        {
            Seen.Enqueue((request.Method, path, key, $"{(int)response.StatusCode} lost, 503 instead"));
            response.Dispose();
            return Unavailable(request);
        }

        Seen.Enqueue((request.Method, path, key, $"{(int)response.StatusCode} delivered"));
        return response;
    }

    private static HttpResponseMessage Unavailable(HttpRequestMessage request) => new(HttpStatusCode.ServiceUnavailable) { RequestMessage = request };
}
