using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GenomDE.Orleans.ClientApi.Auth;

/// <summary>The embedded OpenID Connect issuer (OpenIddict): discovery, keys and the
/// client-credentials grant at <c>/connect/token</c>. Clients are not stored: a client ID names its
/// participant (<see cref="ParticipantClientId"/>), its secret is derived, and its standing is
/// asked of the registries at every token request. Hence OpenIddict's degraded mode (no stores),
/// with our own client check.</summary>
public static class EmbeddedIssuerSetup
{
    public const string TokenPath = "/connect/token";

    public static EmbeddedIssuer AddEmbeddedIssuer(this WebApplicationBuilder builder, AuthOptions options)
    {
        var issuer = new EmbeddedIssuer(options.Embedded, options.Embedded.Issuer ?? DefaultIssuer(builder.Configuration));
        builder.Services.AddSingleton(issuer);
        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.SetIssuer(issuer.Issuer);
            server.SetTokenEndpointUris(TokenPath.TrimStart('/'));
            server.AllowClientCredentialsFlow();
            server.EnableDegradedMode();
            server.DisableAccessTokenEncryption(); // a signed JWT any resource server can validate with the published keys
            server.AddSigningKey(issuer.SigningKey);
            server.AddEphemeralEncryptionKey(); // required by OpenIddict; no encrypted token is issued
            server.SetAccessTokenLifetime(issuer.TokenLifetime);
            server.UseAspNetCore().EnableTokenEndpointPassthrough().DisableTransportSecurityRequirement();
            server.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (issuer.Authenticate(context.ClientId, context.ClientSecret) is null)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client or wrong client secret.");
                }

                return default;
            }));
        });
        return issuer;
    }

    /// <summary>Issues the access token for an authenticated client whose participant is in good standing.</summary>
    public static void MapEmbeddedIssuer(this IEndpointRouteBuilder app) =>
        app.MapPost(TokenPath, async (HttpContext http, EmbeddedIssuer issuer, IGrainFactory grains, Microsoft.Extensions.Options.IOptions<AuthOptions> options) =>
        {
            var request = http.GetOpenIddictServerRequest()!;
            var participant = ParticipantClientId.Parse(request.ClientId)!; // authenticated by the handler above
            if (!await issuer.InGoodStanding(participant, grains))
            {
                return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.UnauthorizedClient,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] =
                        $"Participant '{participant.ParticipantId}' is not registered or approved as {ParticipantClaims.RoleName(participant.Role)}.",
                }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }

            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Subject, options.Value.RoleClaim);
            identity.SetClaim(Claims.Subject, request.ClientId);
            identity.SetClaim(options.Value.ClientIdClaim, request.ClientId);
            identity.SetClaim(options.Value.RoleClaim, ParticipantClaims.RoleName(participant.Role));
            identity.SetClaim(options.Value.ParticipantClaim, participant.ParticipantId);
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            var principal = new ClaimsPrincipal(identity);
            principal.SetAudiences(options.Value.Audience);
            return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        })
        .AllowAnonymous()
        .DisableAntiforgery()
        .ExcludeFromDescription();

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
