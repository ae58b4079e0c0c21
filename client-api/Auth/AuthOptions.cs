namespace GenomDE.Orleans.ClientApi.Auth;

/// <summary>JWT settings, section <c>Auth</c>. Tokens are HMAC-SHA256 signed with <see cref="SigningKey"/>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "genomde-platform";

    public string Audience { get; set; } = "genomde-api";

    /// <summary>At least 32 characters. When empty and <see cref="DevTokens"/> is on, a random key
    /// is made at start-up (tokens then die with the process).</summary>
    public string? SigningKey { get; set; }

    /// <summary>Development only: <c>POST /dev/tokens</c> mints tokens for any participant.</summary>
    public bool DevTokens { get; set; }

    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(8);
}
