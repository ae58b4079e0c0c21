using GenomDE.Orleans.ClientApi.Problems;
using GenomDE.Orleans.Domain.Common;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace GenomDE.Orleans.ClientApi.Auth;

public static class AuthSetup
{
    /// <summary>Bearer tokens for the API; the operator session cookie for browser pages.</summary>
    public const string Scheme = "platform";

    public const string OperatorSession = "operator-session";

    /// <summary><c>__Host-</c>: the browser only accepts it Secure, for this host, on path <c>/</c>.</summary>
    public const string OperatorSessionCookie = "__Host-genomde-operator";

    /// <summary>Only signatures with a public verification key: a token signed with a shared secret
    /// (HS256) would be forgeable by anyone holding that secret.</summary>
    public static readonly string[] AsymmetricAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    public static void AddPlatformAuth(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        var embedded = options.UsesEmbeddedIssuer ? builder.AddEmbeddedIssuer(options) : null;

        builder.Services
            .AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Bearer token or operator session", policy => policy.ForwardDefaultSelector = context =>
                OperatorLogin.IsBrowserPage(context) && context.Request.Cookies.ContainsKey(OperatorSessionCookie)
                    ? OperatorSession
                    : JwtBearerDefaults.AuthenticationScheme)
            .AddCookie(OperatorSession, cookie =>
            {
                cookie.Cookie.Name = OperatorSessionCookie;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.Path = "/";
                cookie.LoginPath = OperatorLogin.Path;
                cookie.SlidingExpiration = false;
            })
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.RefreshInterval = options.MetadataRefreshInterval;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidAudience = options.Audience,
                    ValidIssuer = options.ValidIssuer,
                    ValidAlgorithms = AsymmetricAlgorithms,
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                if (embedded is not null)
                {
                    jwt.ConfigurationManager = new EmbeddedConfigurationManager(embedded);
                }
                else
                {
                    jwt.Authority = options.Authority;
                    jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
                    jwt.ConfigurationManager = Discovery(options);
                }

                jwt.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        if (ParticipantClaims.FromToken(context.Principal!, options) is { } identity)
                        {
                            context.Principal!.AddIdentity(identity);
                        }
                        else
                        {
                            context.Fail($"The token names no participant: it needs the claims '{options.RoleClaim}' (operator, provider, payer, gdc or cdn) and '{options.ParticipantClaim}'.");
                        }

                        return Task.CompletedTask;
                    },
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        var detail = context.AuthenticateFailure is null
                            ? "This endpoint needs a bearer token (Authorization: Bearer <JWT>) from the platform's issuer (client credentials)."
                            : $"The bearer token was rejected: {context.ErrorDescription ?? context.AuthenticateFailure.Message}";
                        await Problem.Write(context.HttpContext, StatusCodes.Status401Unauthorized, "unauthenticated", "Authentication required", detail);
                    },
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(ParticipantClaims.Participant).Build())
            .AddPolicy(Policies.Operator, p => p.RequireRole(Policies.Operator))
            .AddPolicy(Policies.Provider, p => p.RequireRole(Policies.Provider))
            .AddPolicy(Policies.Payer, p => p.RequireRole(Policies.Payer))
            .AddPolicy(Policies.Node, p => p.RequireRole(ParticipantClaims.RoleName(ParticipantRole.Cdn), ParticipantClaims.RoleName(ParticipantRole.Gdc)));
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
    }

    /// <summary>The external issuer's discovery document and keys. Unlike the default, a key the issuer
    /// withdrew is not kept as "last known good" for an hour: an emergency rotation takes effect
    /// within <see cref="AuthOptions.MetadataRefreshInterval"/>.</summary>
    private static ConfigurationManager<OpenIdConnectConfiguration> Discovery(AuthOptions options)
    {
        var metadata = options.Authority!.TrimEnd('/') + "/.well-known/openid-configuration";
        return new ConfigurationManager<OpenIdConnectConfiguration>(metadata, new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever { RequireHttps = options.RequireHttpsMetadata })
        {
            RefreshInterval = options.MetadataRefreshInterval,
            UseLastKnownGoodConfiguration = false,
        };
    }

    /// <summary>The embedded issuer's discovery, read in-process: no HTTP call to ourselves, and the
    /// same validation path (issuer, keys by <c>kid</c>) as an external authority.</summary>
    private sealed class EmbeddedConfigurationManager(EmbeddedIssuer issuer) : IConfigurationManager<OpenIdConnectConfiguration>
    {
        private readonly OpenIdConnectConfiguration _configuration = Describe(issuer);

        public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel) => Task.FromResult(_configuration);

        private static OpenIdConnectConfiguration Describe(EmbeddedIssuer issuer)
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = issuer.Issuer.AbsoluteUri, TokenEndpoint = issuer.TokenEndpoint.AbsoluteUri };
            configuration.SigningKeys.Add(issuer.SigningKey);
            return configuration;
        }

        public void RequestRefresh()
        {
        }
    }

    /// <summary>Writes 403 as problem+json that names the role the endpoint needs; sends a browser
    /// without an operator session to the login page.</summary>
    private sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            if (authorizeResult.Challenged && OperatorLogin.IsBrowserPage(context) && HttpMethods.IsGet(context.Request.Method))
            {
                // The console signs in through the issuer (code + PKCE); the dashboard at /login directly.
                context.Response.Redirect(context.Request.Path.StartsWithSegments(OperatorConsole.ConsoleRoutes.Root)
                    ? ConsoleClient.SignInUrl(context)
                    : OperatorLogin.Url(context));
                return Task.CompletedTask;
            }

            if (!authorizeResult.Forbidden)
            {
                return _default.HandleAsync(next, context, policy, authorizeResult);
            }

            var needed = policy.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>()
                .SelectMany(r => r.AllowedRoles).ToArray();
            var caller = context.User.ToCaller();
            var detail = needed.Length > 0
                ? $"This endpoint is for role '{string.Join("' or '", needed)}'; the token is for role '{(caller is null ? "unknown" : ParticipantClaims.RoleName(caller.Role))}'."
                : "The token does not identify a known participant.";
            return Problem.Write(context, StatusCodes.Status403Forbidden, "forbidden", "Not allowed for this participant", detail);
        }
    }
}
