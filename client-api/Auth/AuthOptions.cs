namespace GenomDE.Orleans.ClientApi.Auth;

/// <summary>Token validation, section <c>Auth</c>. With <see cref="Authority"/> set, the API trusts
/// that OpenID Connect issuer (Keycloak in production); without it, the platform's own embedded
/// issuer (<see cref="EmbeddedIssuerOptions"/>).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Base URL of the external issuer; its discovery document is
    /// <c>{Authority}/.well-known/openid-configuration</c>. Empty: the embedded issuer.</summary>
    public string? Authority { get; set; }

    /// <summary>Must be one of the token's <c>aud</c> values.</summary>
    public string Audience { get; set; } = "genomde-api";

    /// <summary>The expected <c>iss</c> when it differs from the discovery document's (rarely needed).</summary>
    public string? ValidIssuer { get; set; }

    /// <summary>Only for an issuer reached over plain HTTP inside a private network.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Least time between two reloads of discovery and keys when a token names an unknown
    /// <c>kid</c> (a key rotation at the issuer).</summary>
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The claim that carries the participant's role (operator, provider, payer, gdc, cdn).</summary>
    public string RoleClaim { get; set; } = "participant_role";

    /// <summary>The claim that carries the participant's ID (IK, node ID or "BfArM").</summary>
    public string ParticipantClaim { get; set; } = "participant_id";

    /// <summary>The claim that names the OAuth client (recorded in the audit trail); <c>azp</c> when absent.</summary>
    public string ClientIdClaim { get; set; } = "client_id";

    public EmbeddedIssuerOptions Embedded { get; set; } = new();

    public bool UsesEmbeddedIssuer => string.IsNullOrWhiteSpace(Authority);
}
