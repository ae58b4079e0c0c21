namespace GenomDE.Client.Http;

/// <summary>Turns every problem+json answer into a <see cref="GenomDeProblemException"/>, for the
/// generated request builders and the raw calls alike. It sits outside the retries: only the last
/// answer counts.</summary>
internal sealed class ProblemHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw GenomDeProblemException.Parse(response.StatusCode, body);
        }
    }
}
