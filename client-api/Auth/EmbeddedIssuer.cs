using System.Security.Cryptography;
using System.Text;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Nodes;
using GenomDE.Orleans.GrainInterfaces.Participants;
using Microsoft.IdentityModel.Tokens;

namespace GenomDE.Orleans.ClientApi.Auth;

/// <summary>What the embedded issuer knows: its URL, its signing key, and how to check a client.
/// A client's secret is derived from the client ID and a server key (HMAC-SHA256), so nothing
/// stores a secret and the answer that hands one out can be replayed byte for byte.</summary>
public sealed class EmbeddedIssuer
{
    private readonly byte[] _secretKey;
    private readonly EmbeddedIssuerOptions _options;

    public EmbeddedIssuer(EmbeddedIssuerOptions options, Uri issuer)
    {
        _options = options;
        Issuer = issuer;
        var secretKey = string.IsNullOrEmpty(options.ClientSecretKey) ? EmbeddedIssuerOptions.DevelopmentClientSecretKey : options.ClientSecretKey;
        if (secretKey.Length < 32)
        {
            throw new InvalidOperationException("Auth:Embedded:ClientSecretKey must have at least 32 characters.");
        }

        _secretKey = Encoding.UTF8.GetBytes(secretKey);
        var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        if (options.SigningKey is { Length: > 0 } pem)
        {
            ecdsa.ImportFromPem(pem);
        }

        SigningKey = new ECDsaSecurityKey(ecdsa);
        SigningKey.KeyId = Base64UrlEncoder.Encode(SigningKey.ComputeJwkThumbprint());
    }

    public Uri Issuer { get; }

    public Uri TokenEndpoint => new(Issuer, "connect/token");

    public ECDsaSecurityKey SigningKey { get; }

    public TimeSpan TokenLifetime => _options.TokenLifetime;

    public bool UsesDevelopmentSecrets => string.IsNullOrEmpty(_options.ClientSecretKey);

    public string SecretFor(string clientId) =>
        Base64UrlEncoder.Encode(HMACSHA256.HashData(_secretKey, Encoding.UTF8.GetBytes("client-secret:" + clientId)));

    public ClientCredentials CredentialsFor(Caller participant)
    {
        var clientId = ParticipantClientId.For(participant);
        return new ClientCredentials(clientId, SecretFor(clientId), TokenEndpoint.AbsoluteUri);
    }

    /// <summary>The participant behind a client ID and secret, or null (constant-time comparison).</summary>
    public Caller? Authenticate(string? clientId, string? secret)
    {
        if (ParticipantClientId.Parse(clientId) is not { } participant || secret is null)
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(SecretFor(clientId!));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(secret)) ? participant : null;
    }

    /// <summary>Only participants in good standing get tokens: the configured operators, registered
    /// providers and payers, approved nodes (a suspended or revoked node gets none).</summary>
    public async Task<bool> InGoodStanding(Caller participant, IGrainFactory grains) => participant.Role switch
    {
        ParticipantRole.Operator => _options.Operators.Contains(participant.ParticipantId, StringComparer.Ordinal),
        ParticipantRole.Provider => await grains.GetGrain<IProviderGrain>(participant.ParticipantId).Get() is not null,
        ParticipantRole.Payer => await grains.GetGrain<IPayerGrain>(participant.ParticipantId).Get() is not null,
        ParticipantRole.Gdc or ParticipantRole.Cdn => await grains.GetGrain<INodeDirectoryGrain>(INodeDirectoryGrain.Key).IsApproved(participant.ParticipantId),
        _ => false,
    };
}

/// <summary>A participant's OAuth client, answered once to the operator when the participant is
/// registered or approved.</summary>
public sealed record ClientCredentials(string ClientId, string ClientSecret, string TokenEndpoint);
