using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GenomDE.Orleans.ClientApi.Auth;

/// <summary>The console signs the operator in through the issuer (embedded or <c>Auth:Authority</c>):
/// authorization code with PKCE S256. Verifier, state and nonce wait in a short-lived protected
/// cookie; the code is redeemed at the token endpoint, the access token is validated exactly as
/// <see cref="OperatorLogin"/> does, and the operator session cookie is set.</summary>
public static class ConsoleSignIn
{
    /// <summary><c>Lax</c>, not <c>Strict</c>: the issuer's redirect back is a cross-site navigation with an external issuer.</summary>
    public const string FlowCookie = "__Host-genomde-console-signin";

    private static readonly TimeSpan FlowLifetime = TimeSpan.FromMinutes(10);

    public static void MapConsoleSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet(ConsoleClient.SignInPath, async (HttpContext http, string? returnUrl, IDataProtectionProvider protection,
            IOptionsMonitor<JwtBearerOptions> bearer, IServiceProvider services) =>
        {
            var flow = new Flow(Random(), Random(), Random(), OperatorLogin.SafeReturnUrl(returnUrl, OperatorConsole.ConsoleRoutes.Root));
            http.Response.Cookies.Append(FlowCookie, Protector(protection).Protect(JsonSerializer.Serialize(flow), FlowLifetime), new CookieOptions
            {
                HttpOnly = true,
                Secure = true,
                SameSite = SameSiteMode.Lax,
                Path = "/",
                MaxAge = FlowLifetime,
            });

            // The embedded issuer answers on the host the browser already uses (its session cookie is host-bound).
            var authorize = services.GetService<EmbeddedIssuer>() is not null
                ? EmbeddedIssuerSetup.AuthorizePath
                : (await bearer.Get(JwtBearerDefaults.AuthenticationScheme).ConfigurationManager!.GetConfigurationAsync(http.RequestAborted)).AuthorizationEndpoint;
            var query = QueryString.Create(new Dictionary<string, string?>
            {
                ["response_type"] = "code",
                ["client_id"] = ConsoleClient.ClientId,
                ["redirect_uri"] = ConsoleClient.RedirectUri(http.Request),
                ["scope"] = "openid",
                ["state"] = flow.State,
                ["nonce"] = flow.Nonce,
                ["code_challenge"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(flow.Verifier))),
                ["code_challenge_method"] = "S256",
            });
            return Results.Redirect(authorize + query);
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapGet(ConsoleClient.CallbackPath, async (HttpContext http, string? code, string? state, string? error,
            IDataProtectionProvider protection, IHttpClientFactory clients, IOptions<AuthOptions> options, IOptionsMonitor<JwtBearerOptions> bearer) =>
        {
            var flow = ReadFlow(http, protection);
            http.Response.Cookies.Delete(FlowCookie, new CookieOptions { Secure = true, Path = "/", SameSite = SameSiteMode.Lax, HttpOnly = true });
            if (error is not null)
            {
                return Failed($"The issuer refused the sign-in: {error}.");
            }

            if (flow is null || state is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(state), Encoding.UTF8.GetBytes(flow.State)) || code is null)
            {
                return Failed("This sign-in was not started here or has expired: open the console again.");
            }

            var jwt = bearer.Get(JwtBearerDefaults.AuthenticationScheme);
            var configuration = await jwt.ConfigurationManager!.GetConfigurationAsync(http.RequestAborted);
            using var response = await clients.CreateClient(nameof(ConsoleSignIn)).PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = ConsoleClient.RedirectUri(http.Request),
                ["client_id"] = ConsoleClient.ClientId,
                ["code_verifier"] = flow.Verifier,
            }), http.RequestAborted);
            var tokens = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<TokenResponse>(http.RequestAborted) : null;
            if (tokens is null)
            {
                return Failed("The issuer refused the authorization code.");
            }

            // The ID token proves this answer belongs to this browser's request (nonce), for this client.
            var parameters = jwt.TokenValidationParameters.Clone();
            parameters.ValidIssuer ??= configuration.Issuer;
            parameters.ValidAudience = ConsoleClient.ClientId;
            parameters.IssuerSigningKeys = configuration.SigningKeys;
            var id = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(tokens.IdToken, parameters);
            if (!id.IsValid || !(id.Claims.TryGetValue("nonce", out var nonce) && nonce as string == flow.Nonce))
            {
                return Failed("The issuer's ID token could not be validated for this sign-in.");
            }

            var signedIn = await OperatorLogin.Validate(tokens.AccessToken, configuration, options.Value, jwt);
            if (signedIn.Error is { } refused)
            {
                return Failed(refused);
            }

            await http.SignInAsync(AuthSetup.OperatorSession, signedIn.Principal!, new AuthenticationProperties { ExpiresUtc = signedIn.Expires, IsPersistent = false });
            // A page, not a redirect: after an external issuer's cross-site redirect the browser would
            // withhold the SameSite=Strict session cookie; a navigation from this page sends it.
            var target = HtmlEncoder.Default.Encode(flow.ReturnUrl);
            return Results.Content($"""
                <!doctype html>
                <html lang="de"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url={target}"><title>GenomDE – Konsole</title></head>
                <body><p><a href="{target}">Weiter zur Konsole</a></p></body></html>
                """, "text/html; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
    }

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider protection) =>
        protection.CreateProtector(nameof(ConsoleSignIn)).ToTimeLimitedDataProtector();

    private static Flow? ReadFlow(HttpContext http, IDataProtectionProvider protection)
    {
        if (http.Request.Cookies[FlowCookie] is not { } cookie)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Flow>(Protector(protection).Unprotect(cookie));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static string Random() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    private static IResult Failed(string detail) =>
        Problems.Problem.Result(StatusCodes.Status401Unauthorized, "console_signin_failed", "Console sign-in failed", detail);

    /// <summary>What the callback needs from the request that started the sign-in.</summary>
    private sealed record Flow(string Verifier, string State, string Nonce, string ReturnUrl);

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("id_token")] string? IdToken);
}
