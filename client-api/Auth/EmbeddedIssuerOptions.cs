namespace GenomDE.Orleans.ClientApi.Auth;

/// <summary>The platform's own OpenID Connect issuer, section <c>Auth:Embedded</c>: used when no
/// external <see cref="AuthOptions.Authority"/> is configured.</summary>
public sealed class EmbeddedIssuerOptions
{
    /// <summary>Development-only secret key: with it, the README can list every seeded client's secret.</summary>
    public const string DevelopmentClientSecretKey = "genomde-embedded-development-key-not-for-production";

    /// <summary>The issuer URL (<c>iss</c>); the token endpoint is <c>{Issuer}connect/token</c>.
    /// Default: the first URL the host listens on.</summary>
    public Uri? Issuer { get; set; }

    /// <summary>Key (at least 32 characters) from which each client's secret is derived, so no secret
    /// is stored anywhere. Default: <see cref="DevelopmentClientSecretKey"/>.</summary>
    public string? ClientSecretKey { get; set; }

    /// <summary>ECDSA P-256 private key (PKCS#8 PEM) that signs the tokens; generated per process when empty.</summary>
    public string? SigningKey { get; set; }

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Participant IDs that may act as the operator.</summary>
    public string[] Operators { get; set; } = ["BfArM"];
}
