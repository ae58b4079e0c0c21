using System.Security.Claims;
using GenomDE.Orleans.Domain.Common;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GenomDE.Orleans.ClientApi.Auth;

/// <summary>The embedded OpenID Connect issuer (OpenIddict): discovery, keys, the
/// client-credentials grant at <c>/connect/token</c>, and the authorization code flow with PKCE for
/// the console's public client (<see cref="ConsoleClient"/>) at <c>/connect/authorize</c>. Clients are not stored: a client ID names its
/// participant (<see cref="ParticipantClientId"/>), its secret is derived, and its standing is
/// asked of the registries at every token request. Hence OpenIddict's degraded mode (no stores),
/// with our own client check.</summary>
public static class EmbeddedIssuerSetup
{
    public const string TokenPath = "/connect/token";
    public const string AuthorizePath = "/connect/authorize";

    public static EmbeddedIssuer AddEmbeddedIssuer(this WebApplicationBuilder builder, AuthOptions options)
    {
        var issuer = new EmbeddedIssuer(options.Embedded, options.Embedded.Issuer ?? DefaultIssuer(builder.Configuration));
        builder.Services.AddSingleton(issuer);
        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.SetIssuer(issuer.Issuer);
            server.SetTokenEndpointUris(TokenPath.TrimStart('/'));
            server.SetAuthorizationEndpointUris(AuthorizePath.TrimStart('/'));
            server.AllowClientCredentialsFlow();
            server.AllowAuthorizationCodeFlow();
            server.RequireProofKeyForCodeExchange();
            server.Configure(o => o.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain)); // S256 only: a plain challenge is the verifier itself
            server.EnableDegradedMode();
            server.DisableTokenStorage(); // no store: an authorization code carries its principal itself (signed, short-lived)
            server.DisableAccessTokenEncryption(); // a signed JWT any resource server can validate with the published keys
            server.AddSigningKey(issuer.SigningKey);
            server.AddEphemeralEncryptionKey(); // required by OpenIddict; no encrypted token is issued
            server.SetAccessTokenLifetime(issuer.TokenLifetime);
            server.SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(2)); // not stored, so not single-use: short, and useless without the verifier
            server.UseAspNetCore().EnableTokenEndpointPassthrough().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            server.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                // The console is a public client (no secret): PKCE binds its code to it instead.
                var console = context.ClientId == ConsoleClient.ClientId && context.Request.IsAuthorizationCodeGrantType();
                if (!console && issuer.Authenticate(context.ClientId, context.ClientSecret) is null)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client or wrong client secret.");
                }

                return default;
            }));
            // Degraded mode checks no client at the authorization endpoint: ours knows one client,
            // the console, with one redirect URI on the host the request came to, and only S256.
            server.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                var http = context.Transaction.GetHttpRequest()!;
                if (context.ClientId != ConsoleClient.ClientId)
                {
                    context.Reject(Errors.InvalidClient, $"Unknown client: only '{ConsoleClient.ClientId}' may use the authorization endpoint.");
                }
                else if (context.RedirectUri != ConsoleClient.RedirectUri(http))
                {
                    context.Reject(Errors.InvalidRequest, $"The redirect_uri is not registered for '{ConsoleClient.ClientId}'.");
                }
                else if (context.Request.CodeChallengeMethod != CodeChallengeMethods.Sha256)
                {
                    context.Reject(Errors.InvalidRequest, "The code_challenge_method must be S256.");
                }
                else
                {
                    context.SetRedirectUri(context.RedirectUri);
                }

                return default;
            }));
        });
        return issuer;
    }

    /// <summary>Issues the access token for an authenticated client whose participant is in good
    /// standing; redeems the console's authorization code for the operator who signed in.</summary>
    public static void MapEmbeddedIssuer(this IEndpointRouteBuilder app)
    {
        app.MapPost(TokenPath, async (HttpContext http, EmbeddedIssuer issuer, IGrainFactory grains, Microsoft.Extensions.Options.IOptions<AuthOptions> options) =>
        {
            var request = http.GetOpenIddictServerRequest()!;
            if (request.IsAuthorizationCodeGrantType())
            {
                // The code's principal was validated by OpenIddict (signature, lifetime, client, redirect URI, PKCE).
                var code = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
                var signedIn = code.Principal is { } p ? ParticipantClaims.FromToken(p, options.Value) : null;
                var @operator = signedIn is null ? null : new ClaimsPrincipal(signedIn).ToCaller();
                return @operator is null || !await issuer.InGoodStanding(@operator, grains)
                    ? Refuse(Errors.InvalidGrant, "The operator of this code is no longer in good standing.")
                    : Results.SignIn(Principal(options.Value, code.Principal!.GetClaim(options.Value.ClientIdClaim)!, @operator, [Scopes.OpenId]),
                        properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            }

            var participant = ParticipantClientId.Parse(request.ClientId)!; // authenticated by the handler above
            return await issuer.InGoodStanding(participant, grains)
                ? Results.SignIn(Principal(options.Value, request.ClientId!, participant, []), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)
                : Refuse(Errors.UnauthorizedClient, $"Participant '{participant.ParticipantId}' is not registered or approved as {ParticipantClaims.RoleName(participant.Role)}.");
        })
        .AllowAnonymous()
        .DisableAntiforgery()
        .ExcludeFromDescription();

        // The user of the authorization endpoint is the operator signed in at /login (the session cookie).
        app.MapMethods(AuthorizePath, [HttpMethods.Get, HttpMethods.Post], async (HttpContext http, EmbeddedIssuer issuer, IGrainFactory grains, Microsoft.Extensions.Options.IOptions<AuthOptions> options) =>
        {
            var session = await http.AuthenticateAsync(AuthSetup.OperatorSession);
            if (session.Principal?.ToCaller() is not { IsOperator: true } @operator || !await issuer.InGoodStanding(@operator, grains))
            {
                return Results.Redirect(OperatorLogin.Url(http));
            }

            var client = session.Principal.ClientId() ?? ParticipantClientId.For(@operator);
            return Results.SignIn(Principal(options.Value, client, @operator, [Scopes.OpenId]), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        })
        .AllowAnonymous()
        .DisableAntiforgery()
        .ExcludeFromDescription();
    }

    /// <summary>The token's claims: the participant under the configured claim names, for the API audience.</summary>
    private static ClaimsPrincipal Principal(AuthOptions options, string clientId, Caller participant, string[] scopes)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Subject, options.RoleClaim);
        identity.SetClaim(Claims.Subject, clientId);
        identity.SetClaim(options.ClientIdClaim, clientId);
        identity.SetClaim(options.RoleClaim, ParticipantClaims.RoleName(participant.Role));
        identity.SetClaim(options.ParticipantClaim, participant.ParticipantId);
        identity.SetDestinations(claim => claim.Type == Claims.Subject ? [Destinations.AccessToken, Destinations.IdentityToken] : [Destinations.AccessToken]);
        var principal = new ClaimsPrincipal(identity);
        principal.SetAudiences(options.Audience);
        principal.SetScopes(scopes);
        return principal;
    }

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    /// <summary>The first URL the host listens on, with wildcard hosts read as localhost.</summary>
    private static Uri DefaultIssuer(ConfigurationManager configuration)
    {
        var url = (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "http://localhost:5080").Split(';')[0];
        var builder = new UriBuilder(url.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]")
        {
            builder.Host = "localhost";
        }

        builder.Path = "/";
        return builder.Uri;
    }
}
