using System.Security.Claims;
using System.Text.Json;
using GenomDE.Orleans.ClientApi.Auth;
using GenomDE.Orleans.Domain.Common;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GenomDE.Orleans.Tests.Fixtures;

/// <summary>Access tokens for tests: either signed here with the embedded issuer's key and exactly
/// its claims (any participant, registered or not, and deliberately broken ones), or fetched
/// from the token endpoint like a participant's system does.</summary>
public static class TestTokens
{
    public static string Issue(EmbeddedIssuer issuer, Caller participant, Action<SecurityTokenDescriptor>? change = null)
    {
        var now = DateTime.UtcNow;
        var clientId = ParticipantClientId.For(participant);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer.Issuer.AbsoluteUri,
            Audience = "genomde-api",
            IssuedAt = now,
            NotBefore = now,
            Expires = now + issuer.TokenLifetime,
            TokenType = "at+jwt",
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", clientId),
                new Claim("client_id", clientId),
                new Claim("participant_role", ParticipantClaims.RoleName(participant.Role)),
                new Claim("participant_id", participant.ParticipantId),
            ]),
            SigningCredentials = new SigningCredentials(issuer.SigningKey, SecurityAlgorithms.EcdsaSha256),
        };
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>The client-credentials grant at <c>/connect/token</c>; fails the test when refused.</summary>
    public static async Task<string> Fetch(HttpClient http, string clientId, string clientSecret)
    {
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"The token endpoint refused {clientId}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }
}
