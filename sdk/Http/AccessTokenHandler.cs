using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace GenomDE.Client.Http;

/// <summary>Puts a client-credentials access token on every request. The token is cached and
/// fetched anew shortly before it expires; a 401 (e.g. the issuer's keys rolled over) fetches a
/// new one and sends the request once more.</summary>
internal sealed class AccessTokenHandler(GenomDeClientOptions options, HttpClient tokenClient, TimeProvider clock) : DelegatingHandler
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Value, DateTimeOffset RenewAt)? _token;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await Token(null, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await Token(token, cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }

    /// <summary>The cached token, unless it is due for renewal or is the one the API just refused.</summary>
    private async Task<string> Token(string? refused, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } cached && cached.Value != refused && clock.GetUtcNow() < cached.RenewAt)
            {
                return cached.Value;
            }

            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = options.ClientId,
                ["client_secret"] = options.ClientSecret,
            });
            using var response = await tokenClient.PostAsync(options.ResolvedTokenEndpoint, form, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw GenomDeProblemException.Parse(response.StatusCode, body) is { Type: not null } problem
                    ? problem
                    : new GenomDeProblemException(response.StatusCode, null, "Token refused", $"The token endpoint refused {options.ClientId}: {body}");
            }

            using var json = JsonDocument.Parse(body);
            var value = json.RootElement.GetProperty("access_token").GetString()!;
            var lifetime = TimeSpan.FromSeconds(json.RootElement.TryGetProperty("expires_in", out var e) ? e.GetDouble() : 300);

            // Renew with a fifth of the lifetime (at most a minute) left, so no request leaves with a token about to lapse.
            var margin = TimeSpan.FromTicks(Math.Min(lifetime.Ticks / 5, TimeSpan.FromMinutes(1).Ticks));
            _token = (value, clock.GetUtcNow() + lifetime - margin);
            return value;
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }

        base.Dispose(disposing);
    }
}
