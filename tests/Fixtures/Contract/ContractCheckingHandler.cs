using System.Net.Http.Headers;

namespace GenomDE.Orleans.Tests.Fixtures.Contract;

/// <summary>In every test client's pipeline: each answer of a documented operation is checked
/// against docs/openapi.json (<see cref="ApiContract"/>), so every API test is a contract test too.
/// A violation fails the request, and with it the test that made it. A live event stream is
/// checked by status and media type only (its body never ends).</summary>
public sealed class ContractCheckingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await base.SendAsync(request, cancellationToken);
        if (request.Method == HttpMethod.Head)
        {
            return response;
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var body = "";
        if (mediaType != "text/event-stream")
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }

        var path = request.RequestUri!.IsAbsoluteUri ? request.RequestUri.AbsolutePath : request.RequestUri.OriginalString.Split('?')[0];
        if (ApiContract.Instance.Violation(request.Method.Method, path, (int)response.StatusCode, mediaType, body) is { } violation)
        {
            response.Dispose();
            throw new ContractViolationException($"{request.Method} {request.RequestUri}: {violation}");
        }

        return response;
    }
}

/// <summary>An answer the OpenAPI document does not allow.</summary>
public sealed class ContractViolationException(string message) : Exception(message);
