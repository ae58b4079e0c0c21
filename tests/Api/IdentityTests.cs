using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GenomDE.Orleans.ClientApi.Auth;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Tests.Fixtures;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GenomDE.Orleans.Tests.Api;

/// <summary>Identities from an OpenID Connect issuer: the embedded one (client credentials, clients
/// handed out when a participant is admitted) and an external one found by discovery, whose key
/// rotation the API follows without a restart. Every other kind of token is refused with 401.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class IdentityTests(PlatformFixture platform)
{
    private static readonly Caller Operator = new(ParticipantRole.Operator, "BfArM");

    [Fact]
    public async Task The_embedded_issuer_publishes_discovery_and_an_asymmetric_key()
    {
        var http = platform.AnonymousClient();

        using var discovery = JsonDocument.Parse(await http.GetStringAsync("/.well-known/openid-configuration"));
        Assert.Equal(platform.BaseAddress.AbsoluteUri, discovery.RootElement.GetProperty("issuer").GetString());
        Assert.Equal(new Uri(platform.BaseAddress, "/connect/token").AbsoluteUri, discovery.RootElement.GetProperty("token_endpoint").GetString());
        Assert.Equal(["authorization_code", "client_credentials"], discovery.RootElement.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()).Order());
        Assert.Equal(["S256"], discovery.RootElement.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["code"], discovery.RootElement.GetProperty("response_types_supported").EnumerateArray().Select(m => m.GetString()));
        using var keys = JsonDocument.Parse(await http.GetStringAsync(new Uri(discovery.RootElement.GetProperty("jwks_uri").GetString()!).PathAndQuery));
        var key = Assert.Single(keys.RootElement.GetProperty("keys").EnumerateArray());
        Assert.Equal("EC", key.GetProperty("kty").GetString());
        Assert.False(key.TryGetProperty("d", out _), "The key set must not publish the private key.");
    }

    [Fact]
    public async Task A_seeded_operator_gets_a_token_with_its_client_credentials_and_it_works()
    {
        var credentials = platform.Issuer.CredentialsFor(Operator);
        var http = await platform.ClientWithCredentials(credentials.ClientId, credentials.ClientSecret);

        var token = new JsonWebToken(http.DefaultRequestHeaders.Authorization!.Parameter);
        Assert.Equal("ES256", token.Alg);
        Assert.Equal("operator", token.GetClaim("participant_role").Value);
        Assert.Equal("BfArM", token.GetClaim("participant_id").Value);
        Assert.Contains("genomde-api", token.Audiences);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/audit/checkpoints")).StatusCode);
    }

    [Theory]
    [InlineData("operator.BfArM", "wrong-secret", "invalid_client")]
    [InlineData("operator.Mallory", null, "invalid_client")] // not a configured operator: the derived secret is right, the standing is not
    [InlineData("provider.999999990", null, "unauthorized_client")] // well-formed, never registered
    [InlineData("payer.999999990", null, "unauthorized_client")]
    [InlineData("gdc.GRZXXX999", null, "unauthorized_client")] // no such approved node
    [InlineData("cdn.GRZDD0004", null, "invalid_client")] // a GDC's ID under the CDN role
    [InlineData("nobody", null, "invalid_client")]
    public async Task The_token_endpoint_refuses_wrong_secrets_and_participants_not_in_good_standing(string clientId, string? secret, string error)
    {
        using var response = await platform.AnonymousClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret ?? platform.Issuer.SecretFor(clientId),
        }));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{response.StatusCode}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(error == "invalid_client" && clientId == "operator.Mallory" ? "unauthorized_client" : error, body.RootElement.GetProperty("error").GetString());
        Assert.False(body.RootElement.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task Registering_a_provider_answers_its_client_once_and_the_replay_answers_the_same_bytes()
    {
        var ik = TestIds.Ik();
        var body = new { name = "Klinikum Identität", indications = new[] { "rare" }, participationStart = "2025-01-01" };
        var key = Guid.NewGuid().ToString();
        var operatorHttp = platform.Operator();

        var first = await Put(operatorHttp, $"/api/v1/providers/{ik}", body, key);
        var firstText = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var answer = JsonDocument.Parse(firstText);
        var client = answer.RootElement.GetProperty("client");
        Assert.Equal($"provider.{ik}", client.GetProperty("clientId").GetString());
        Assert.Equal(new Uri(platform.BaseAddress, "/connect/token").AbsoluteUri, client.GetProperty("tokenEndpoint").GetString());

        var replay = await Put(operatorHttp, $"/api/v1/providers/{ik}", body, key);
        Assert.Equal(firstText, await replay.Content.ReadAsStringAsync());

        // The hospital's own system takes it from here: token, then its own data.
        var hospital = await platform.ClientWithCredentials(client.GetProperty("clientId").GetString()!, client.GetProperty("clientSecret").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await hospital.GetAsync("/api/v1/tokens?date=2025-01-01")).StatusCode);

        // A later update of the registration does not hand the secret out again.
        var update = await Put(operatorHttp, $"/api/v1/providers/{ik}", body with { indications = new[] { "rare", "oncological" } }, Guid.NewGuid().ToString());
        using var updated = JsonDocument.Parse(await update.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.False(updated.RootElement.TryGetProperty("client", out _), "Only the registering answer carries the client secret.");
    }

    [Fact]
    public async Task Tokens_from_another_issuer_for_another_audience_expired_or_with_a_shared_secret_are_refused()
    {
        var issuer = platform.Issuer;
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var hmac = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a-shared-secret-of-at-least-32-bytes!!"));
        var cases = new Dictionary<string, string>
        {
            ["second issuer, own key"] = TestTokens.Issue(issuer, Operator, d =>
            {
                d.Issuer = "https://evil.example/";
                d.SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(otherKey) { KeyId = "evil" }, SecurityAlgorithms.EcdsaSha256);
            }),
            ["our issuer's name, another key"] = TestTokens.Issue(issuer, Operator, d =>
                d.SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(otherKey) { KeyId = issuer.SigningKey.KeyId }, SecurityAlgorithms.EcdsaSha256)),
            ["wrong audience"] = TestTokens.Issue(issuer, Operator, d => d.Audience = "another-api"),
            ["expired"] = TestTokens.Issue(issuer, Operator, d =>
            {
                d.IssuedAt = d.NotBefore = DateTime.UtcNow.AddHours(-2);
                d.Expires = DateTime.UtcNow.AddHours(-1);
            }),
            ["HS256"] = TestTokens.Issue(issuer, Operator, d => d.SigningCredentials = new SigningCredentials(hmac, SecurityAlgorithms.HmacSha256)),
            ["unsigned"] = TestTokens.Issue(issuer, Operator, d => d.SigningCredentials = null),
            ["no participant claims"] = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = issuer.Issuer.AbsoluteUri,
                Audience = "genomde-api",
                Expires = DateTime.UtcNow.AddMinutes(5),
                Claims = new Dictionary<string, object> { ["sub"] = "someone" },
                SigningCredentials = new SigningCredentials(issuer.SigningKey, SecurityAlgorithms.EcdsaSha256),
            }),
        };

        // The control: the same request with a good token succeeds.
        Assert.Equal(HttpStatusCode.OK, (await platform.Operator().GetAsync("/api/v1/audit/checkpoints")).StatusCode);
        foreach (var (name, token) in cases)
        {
            var http = platform.AnonymousClient();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await http.GetAsync("/api/v1/audit/checkpoints");
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{name}: {response.StatusCode}");
            await response.AssertProblem(HttpStatusCode.Unauthorized, "unauthenticated");
        }
    }

    [Fact]
    public async Task An_external_issuer_is_found_by_discovery_and_its_key_rotation_is_followed_without_restart()
    {
        await using var keycloak = await TestOidcIssuer.StartAsync();
        var (api, address) = await platform.StartApiAsync(new Dictionary<string, string?>
        {
            ["Auth:Authority"] = keycloak.Authority.AbsoluteUri,
            ["Auth:RequireHttpsMetadata"] = "false",
            ["Auth:MetadataRefreshInterval"] = "00:00:01",
        });
        await using var _ = api;
        using var http = new HttpClient { BaseAddress = address };

        async Task<string> Call(string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/audit/checkpoints");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            return response.IsSuccessStatusCode ? "OK" : $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }

        var before = keycloak.Issue("operator", "BfArM");
        var first = await Call(before);
        Assert.True(first == "OK", first);
        Assert.StartsWith("401 ", await Call(keycloak.Issue("operator", "BfArM", audience: "account")), StringComparison.Ordinal);
        Assert.StartsWith("401 ", await Call(TestTokens.Issue(platform.Issuer, Operator)), StringComparison.Ordinal); // the embedded issuer is not trusted here
        Assert.Null(api.Services.GetService(typeof(EmbeddedIssuer)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("/connect/token", new FormUrlEncodedContent([]))).StatusCode); // no token endpoint here

        // The issuer rotates its key. The first token with the new kid makes the API reload the key
        // set (at most once per refresh interval); a client retrying after a 401 gets through.
        keycloak.RotateKey();
        var after = keycloak.Issue("operator", "BfArM");
        var answer = await Call(after);
        for (var deadline = DateTime.UtcNow.AddSeconds(10); answer != "OK" && DateTime.UtcNow < deadline; answer = await Call(after))
        {
            await Task.Delay(200);
        }

        Assert.Equal("OK", answer);
        Assert.StartsWith("401 ", await Call(before), StringComparison.Ordinal); // the retired key no longer verifies
    }

    private static async Task<HttpResponseMessage> Put(HttpClient http, string path, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = Http.JsonBody(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await http.SendAsync(request);
    }
}
