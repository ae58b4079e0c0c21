using System.Collections.Concurrent;
using GenomDE.Orleans.ClientApi.Apis;
using GenomDE.Orleans.ClientApi.Auth;
using GenomDE.Orleans.ClientApi.Problems;
using GenomDE.Orleans.Domain.Common;

namespace GenomDE.Orleans.ClientApi.Hosting;

/// <summary>What the API adds to a request that carries an <c>Idempotency-Key</c>, before any
/// handler runs: the SHA-256 of the request (method, path, body), which the grains store with the
/// first answer so that the same key with another request is refused (422), and a guard that answers
/// 409 to a second request with the same key while the first is still being processed here.</summary>
public sealed class IdempotencyKeys(RequestDelegate next)
{
    private const string HashItem = "genomde.request-hash";

    /// <summary>Scoped keys of requests in flight in this API (the middleware is one instance per
    /// pipeline; a second API instance may run the same key concurrently: the grain then serialises
    /// them and the second replays the first).</summary>
    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);

    public async Task InvokeAsync(HttpContext http)
    {
        var key = http.Request.Headers[RequestIds.Header].FirstOrDefault();
        var caller = http.User.ToCaller();
        if (key is null || caller is null || !RequestIds.IsValidKey(key) || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            await next(http);
            return;
        }

        var scoped = RequestIds.Scoped(caller, key);
        if (!_inFlight.TryAdd(scoped, 0))
        {
            http.Response.Headers.RetryAfter = "1";
            await Problem.Result(StatusCodes.Status409Conflict, "idempotency_key_in_flight", "Request still in progress",
                $"A request with the Idempotency-Key '{key}' is still being processed; retry with the same key once it has answered.").ExecuteAsync(http);
            return;
        }

        try
        {
            var request = http.Request;
            http.Items[HashItem] = RequestDigest.Of($"{request.Method} {request.Path}{request.QueryString}\n{await RequestDigest.BodyAsync(request)}");
            await next(http);
        }
        finally
        {
            _inFlight.TryRemove(scoped, out _);
        }
    }

    /// <summary>The request's hash (hex), when it carried a usable key.</summary>
    public static string? HashOf(HttpContext http) => http.Items.TryGetValue(HashItem, out var hash) ? hash as string : null;
}
