namespace GenomDE.Client;

/// <summary>Where the platform is and who is calling. The client ID is <c>{role}.{participantId}</c>
/// (e.g. <c>provider.123456789</c>); the token endpoint defaults to the API's own embedded issuer.</summary>
public sealed class GenomDeClientOptions
{
    public required Uri BaseUrl { get; init; }

    public required string ClientId { get; init; }

    public required string ClientSecret { get; init; }

    /// <summary>Null: <c>{BaseUrl}/connect/token</c>, the embedded issuer.</summary>
    public Uri? TokenEndpoint { get; init; }

    /// <summary>How often a 429/503 (or a request in flight under the same key) is tried again.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>The first back-off; it doubles with each retry unless the answer names a Retry-After.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public Uri ResolvedTokenEndpoint => TokenEndpoint ?? new Uri(BaseUrl, "/connect/token");
}
