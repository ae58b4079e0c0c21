using System.Security.Cryptography;
using System.Text;
using GenomDE.Orleans.ClientApi.Problems;
using GenomDE.Orleans.GrainInterfaces.Common;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.IdentityModel.Tokens;

namespace GenomDE.Orleans.ClientApi.Auth;

public static class AuthSetup
{
    /// <summary>Cookie the dashboard page uses: browsers cannot attach a bearer header to a page load.</summary>
    public const string DashboardCookie = "genomde_access_token";

    public static void AddPlatformAuth(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var key = SigningKey(options);
        builder.Services.AddSingleton(new TokenSigning(key, options));

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudience = options.Audience,
                    IssuerSigningKey = key,
                    RoleClaimType = ParticipantClaims.Role,
                    NameClaimType = ParticipantClaims.Subject,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                jwt.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        // Only the dashboard accepts the token from a cookie (set via ?access_token=).
                        if (context.Request.Path.StartsWithSegments(PlatformRoutes.Dashboard))
                        {
                            context.Token ??= context.Request.Query["access_token"].FirstOrDefault()
                                ?? context.Request.Cookies[DashboardCookie];
                        }

                        return Task.CompletedTask;
                    },
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        var detail = context.AuthenticateFailure is null
                            ? context.Request.Path.StartsWithSegments(PlatformRoutes.Dashboard)
                                ? "The dashboard needs an operator token: open /dashboard/?access_token=<operator JWT> once."
                                : "This endpoint needs a bearer token (Authorization: Bearer <JWT>)."
                            : $"The bearer token was rejected: {context.ErrorDescription ?? context.AuthenticateFailure.Message}";
                        await Problem.Write(context.HttpContext, StatusCodes.Status401Unauthorized, "unauthenticated", "Authentication required", detail);
                    },
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(ParticipantClaims.Subject).Build())
            .AddPolicy(Policies.Operator, p => p.RequireRole(Policies.Operator))
            .AddPolicy(Policies.Provider, p => p.RequireRole(Policies.Provider))
            .AddPolicy(Policies.Payer, p => p.RequireRole(Policies.Payer))
            .AddPolicy(Policies.Node, p => p.RequireRole(ParticipantClaims.RoleName(ParticipantRole.Cdn), ParticipantClaims.RoleName(ParticipantRole.Gdc)));
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
    }

    private static SymmetricSecurityKey SigningKey(AuthOptions options)
    {
        if (!string.IsNullOrEmpty(options.SigningKey))
        {
            if (options.SigningKey.Length < 32)
            {
                throw new InvalidOperationException("Auth:SigningKey must have at least 32 characters.");
            }

            return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKey));
        }

        if (!options.DevTokens)
        {
            throw new InvalidOperationException("Auth:SigningKey is not configured. Set it (at least 32 characters), or enable Auth:DevTokens for a development run.");
        }

        return new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));
    }

    /// <summary>Writes 403 as problem+json that names the role the endpoint needs.</summary>
    private sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
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

/// <summary>The signing key and settings the dev token issuer needs.</summary>
public sealed record TokenSigning(SecurityKey Key, AuthOptions Options);
