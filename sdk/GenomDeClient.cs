using System.Text.Json;
using GenomDE.Client.Generated;
using GenomDE.Client.Http;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace GenomDE.Client;

/// <summary>The genomDE API for one participant. <see cref="Api"/> is the generated, typed client
/// (<c>client.Api.Api.V1.Cases.PostAsync(…)</c>); <see cref="Http"/> is the same pipeline for the
/// answers that are files (CSV, PNG, TSV) or documents that must reach the API byte for byte.
/// Every request gets a token, every POST an Idempotency-Key, 429/503 are retried and problem+json
/// answers are thrown as <see cref="GenomDeProblemException"/>.</summary>
public sealed class GenomDeClient : IDisposable
{
    private readonly HttpClient _tokenClient;
    private readonly HttpClientRequestAdapter _adapter;

    /// <param name="transport">The innermost handler, for the API and the token endpoint (default: a
    /// new <see cref="SocketsHttpHandler"/>); tests put fault injection here, below the retries.</param>
    public GenomDeClient(GenomDeClientOptions options, HttpMessageHandler? transport = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        var network = transport ?? new SocketsHttpHandler();
        _tokenClient = new HttpClient(network, disposeHandler: false); // the API's pipeline owns the transport
        var pipeline = new ProblemHandler
        {
            InnerHandler = new IdempotencyKeyHandler
            {
                InnerHandler = RetryPipeline.Handler(options).WithInner(
                    new AccessTokenHandler(options, _tokenClient, clock ?? TimeProvider.System) { InnerHandler = network }),
            },
        };
        Http = new HttpClient(pipeline) { BaseAddress = options.BaseUrl, Timeout = TimeSpan.FromMinutes(5) };
        _adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: Http)
        {
            BaseUrl = options.BaseUrl.AbsoluteUri.TrimEnd('/'),
        };
        Api = new GenomDeApi(_adapter);
    }

    public GenomDeClientOptions Options { get; }

    public GenomDeApi Api { get; }

    /// <summary>The API's version 1, <c>/api/v1</c>: <c>client.V1.Cases.PostAsync(…)</c>.</summary>
    public Generated.Api.V1.V1RequestBuilder V1 => Api.Api.V1;

    public HttpClient Http { get; }

    /// <summary>Sends a request a generated builder made (<c>ToGetRequestInformation</c>, …) and
    /// returns the answer as JSON, whether or not the description types that answer; null when it
    /// has no body.</summary>
    public async Task<JsonElement?> SendAsync(RequestInformation request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var body = await _adapter.SendPrimitiveAsync<Stream>(request, cancellationToken: cancellationToken);
        if (body is null)
        {
            return null;
        }

        using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        return json.RootElement.Clone();
    }

    /// <summary>Sends a request a generated builder made and returns the answer's bytes (a CSV, a
    /// PNG, a TSV).</summary>
    public async Task<byte[]> SendForBytesAsync(RequestInformation request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var body = await _adapter.SendPrimitiveAsync<Stream>(request, cancellationToken: cancellationToken);
        if (body is null)
        {
            return [];
        }

        using var copy = new MemoryStream();
        await body.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }

    /// <summary>POSTs a JSON document as it is (a metadata.json, a Prüfbericht) and returns the answer's body.</summary>
    public async Task<string> PostJsonAsync(string path, string json, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add(IdempotencyKeyHandler.Header, idempotencyKey);
        }

        using var response = await Http.SendAsync(request, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>GETs a file answer (CSV, TSV, PNG) as bytes.</summary>
    public Task<byte[]> GetBytesAsync(string path, CancellationToken cancellationToken = default) =>
        Http.GetByteArrayAsync(path, cancellationToken);

    public void Dispose()
    {
        _adapter.Dispose();
        Http.Dispose();
        _tokenClient.Dispose();
    }
}
