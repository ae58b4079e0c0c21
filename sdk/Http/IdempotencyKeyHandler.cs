namespace GenomDE.Client.Http;

/// <summary>Gives every POST an <c>Idempotency-Key</c> unless the caller chose one. It sits outside
/// the retries, so one logical call keeps one key however often it is sent: the API answers a
/// repeat with the first answer and changes nothing.</summary>
internal sealed class IdempotencyKeyHandler : DelegatingHandler
{
    public const string Header = "Idempotency-Key";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post && !request.Headers.Contains(Header))
        {
            request.Headers.Add(Header, Guid.NewGuid().ToString("N"));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
