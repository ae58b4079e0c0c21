using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GenomDE.Orleans.Tests.Fixtures;

/// <summary>A stand-in for an external OpenID Connect issuer (Keycloak): a discovery document and a
/// key set on a loopback port, whose signing key the test can rotate. It signs RS256 tokens with
/// Keycloak-like claims (<c>sub</c> a UUID, <c>azp</c> the client).</summary>
public sealed class TestOidcIssuer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private RsaSecurityKey _key = NewKey();

    private TestOidcIssuer(WebApplication app) => _app = app;

    public Uri Authority { get; private set; } = null!;

    public static async Task<TestOidcIssuer> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var issuer = new TestOidcIssuer(app);
        app.MapGet("/realms/test/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer.Authority.AbsoluteUri.TrimEnd('/'),
            ["jwks_uri"] = new Uri(issuer.Authority, "protocol/openid-connect/certs").AbsoluteUri,
            ["token_endpoint"] = new Uri(issuer.Authority, "protocol/openid-connect/token").AbsoluteUri,
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/realms/test/protocol/openid-connect/certs", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(issuer._key);
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        await app.StartAsync();
        var root = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        issuer.Authority = new Uri(root, "realms/test/");
        return issuer;
    }

    /// <summary>The issuer publishes a new key and drops the old one, as a rotation at Keycloak does.</summary>
    public void RotateKey() => _key = NewKey();

    public string Issue(string role, string participantId, string audience = "genomde-api")
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority.AbsoluteUri.TrimEnd('/'),
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", Guid.NewGuid().ToString()),
                new Claim("azp", $"{role}.{participantId}"),
                new Claim("participant_role", role),
                new Claim("participant_id", participantId),
            ]),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };
}
