using GenomDE.Orleans.ClientApi.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace GenomDE.Orleans.ClientApi.OpenApi;

/// <summary>The document as a whole: title, the security schemes, and nothing that depends on the
/// request or the moment (no server URL: a client uses the URL it fetched the document from), so
/// the served document is the checked-in docs/openapi.json byte for byte.</summary>
public sealed class ContractDocument(IOptions<AuthOptions> auth, IOptionsMonitor<JwtBearerOptions> bearer) : IOpenApiDocumentTransformer
{
    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info.Title = "GenomDE platform API";
        document.Info.Description = "REST API of the genomDE model project platform (§ 64e SGB V). Every participant authenticates with a bearer JWT " +
            "of the platform's OpenID Connect issuer, got with the client-credentials grant. Every error is application/problem+json " +
            "with type urn:genomde:problem:<code>. State-changing requests take an Idempotency-Key header.";
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [ContractOperations.BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An access token of the platform's issuer (asymmetrically signed JWT with iss, aud and lifetime checked).",
            },
            [ContractOperations.OAuth2Scheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "Client credentials of a registered participant: client ID {role}.{participantId} at the embedded issuer, or the client at the external issuer (Auth:Authority).",
                Flows = new OpenApiOAuthFlows { ClientCredentials = new OpenApiOAuthFlow { TokenUrl = await TokenUrl(cancellationToken), Scopes = new Dictionary<string, string>() } },
            },
        };
    }

    /// <summary>The embedded issuer's token endpoint relative to the API (the same host); an external
    /// issuer's as its discovery document names it, or its authority when discovery is not reachable.</summary>
    private async Task<Uri> TokenUrl(CancellationToken cancel)
    {
        if (auth.Value.UsesEmbeddedIssuer)
        {
            return new Uri(EmbeddedIssuerSetup.TokenPath, UriKind.Relative);
        }

        try
        {
            var configuration = await bearer.Get(JwtBearerDefaults.AuthenticationScheme).ConfigurationManager!.GetConfigurationAsync(cancel);
            return new Uri(configuration.TokenEndpoint);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException)
        {
            return new Uri(auth.Value.Authority!);
        }
    }
}
