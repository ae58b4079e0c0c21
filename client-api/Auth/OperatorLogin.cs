using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using GenomDE.Orleans.ClientApi.Problems;
using GenomDE.Orleans.Domain.Common;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace GenomDE.Orleans.ClientApi.Auth;

/// <summary>Browser login for operators (the dashboard; the console through the issuer's code flow): the operator's client ID and secret are
/// exchanged at the issuer's token endpoint, the token is validated like any bearer token, and
/// the session lives in a <c>__Host-</c> cookie until the token would expire. No token in a URL.</summary>
public static class OperatorLogin
{
    public const string Path = "/login";
    public const string LogoutPath = "/logout";

    /// <summary>Pages a browser opens directly (no Authorization header): they use the session cookie.</summary>
    public static bool IsBrowserPage(HttpContext context) =>
        context.Request.Headers.Authorization.Count == 0
        && (context.Request.Path.StartsWithSegments(PlatformRoutes.Dashboard) || context.Request.Path.StartsWithSegments(OperatorConsole.ConsoleRoutes.Root)
            || context.Request.Path.StartsWithSegments(Path) || context.Request.Path.StartsWithSegments(LogoutPath));

    public static string Url(HttpContext context) =>
        $"{Path}?returnUrl={Uri.EscapeDataString(context.Request.PathBase + context.Request.Path + context.Request.QueryString)}";

    public static void MapOperatorLogin(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
            Page(http, antiforgery, returnUrl, error: null, StatusCodes.Status200OK)).AllowAnonymous().ExcludeFromDescription();

        // The form is read by hand: a [FromForm] parameter would let routing answer another content
        // type with an anonymous "no endpoint", which the login page would turn into a redirect to itself.
        app.MapPost(Path, async (HttpContext http, IAntiforgery antiforgery, IHttpClientFactory clients,
            IOptions<AuthOptions> options, IOptionsMonitor<JwtBearerOptions> bearer) =>
        {
            if (!http.Request.HasFormContentType)
            {
                return Problem.Result(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", "Unsupported media type",
                    "The sign-in form is sent as application/x-www-form-urlencoded.");
            }

            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Problem.Result(StatusCodes.Status400BadRequest, "antiforgery_invalid", "Form not from this site",
                    "The sign-in form lacks this site's antiforgery token: load /login and send the form from there.");
            }

            var fields = await http.Request.ReadFormAsync(http.RequestAborted);
            var form = new LoginForm(fields["clientId"].FirstOrDefault(), fields["clientSecret"].FirstOrDefault(), fields["returnUrl"].FirstOrDefault());
            var signedIn = await Exchange(form, clients, options.Value, bearer.Get(JwtBearerDefaults.AuthenticationScheme), http.RequestAborted);
            if (signedIn.Error is { } error)
            {
                return Page(http, antiforgery, form.ReturnUrl, error, StatusCodes.Status401Unauthorized);
            }

            await http.SignInAsync(AuthSetup.OperatorSession, signedIn.Principal!, new AuthenticationProperties { ExpiresUtc = signedIn.Expires, IsPersistent = false });
            return Results.LocalRedirect(SafeReturnUrl(form.ReturnUrl));
        }).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

        app.MapPost(LogoutPath, async (HttpContext http) =>
        {
            await http.SignOutAsync(AuthSetup.OperatorSession);
            return Results.LocalRedirect(Path);
        }).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<(System.Security.Claims.ClaimsPrincipal? Principal, DateTimeOffset Expires, string? Error)> Exchange(
        LoginForm form, IHttpClientFactory clients, AuthOptions options, JwtBearerOptions bearer, CancellationToken cancel)
    {
        var configuration = await bearer.ConfigurationManager!.GetConfigurationAsync(cancel);
        using var response = await clients.CreateClient(nameof(OperatorLogin)).PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = form.ClientId ?? "",
            ["client_secret"] = form.ClientSecret ?? "",
        }), cancel);
        if (!response.IsSuccessStatusCode)
        {
            return (null, default, "The issuer refused the client ID or secret.");
        }

        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancel);
        return await Validate(token?.AccessToken, configuration, options, bearer);
    }

    /// <summary>An access token from the issuer, validated like any bearer token: the operator's
    /// session principal and when it ends, or why not.</summary>
    internal static async Task<(System.Security.Claims.ClaimsPrincipal? Principal, DateTimeOffset Expires, string? Error)> Validate(
        string? accessToken, OpenIdConnectConfiguration configuration, AuthOptions options, JwtBearerOptions bearer)
    {
        var parameters = bearer.TokenValidationParameters.Clone();
        parameters.ValidIssuer ??= configuration.Issuer;
        parameters.IssuerSigningKeys = configuration.SigningKeys;
        var result = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(accessToken, parameters);
        if (!result.IsValid || ParticipantClaims.FromToken(new(result.ClaimsIdentity), options) is not { } identity)
        {
            return (null, default, "The issuer's token could not be validated.");
        }

        var principal = new System.Security.Claims.ClaimsPrincipal(identity);
        return principal.ToCaller()?.IsOperator == true
            ? (principal, result.SecurityToken.ValidTo, null)
            : (null, default, "Only the operator may sign in here.");
    }

    internal static string SafeReturnUrl(string? returnUrl, string fallback) =>
        returnUrl is { Length: > 1 } url && url[0] == '/' && url[1] is not '/' and not '\\' ? url : fallback;

    private static string SafeReturnUrl(string? returnUrl) => SafeReturnUrl(returnUrl, PlatformRoutes.Dashboard + "/");

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? error, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var html = HtmlEncoder.Default;
        var message = error is null ? "" : $"<p role=\"alert\" class=\"error\">{html.Encode(error)}</p>";
        return Results.Content($$"""
            <!doctype html>
            <html lang="de"><head><meta charset="utf-8"><title>GenomDE – Anmeldung Betreiber</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem}label{display:block;margin:.8rem 0 .2rem}input{width:100%;padding:.4rem}button{margin-top:1rem;padding:.5rem 1rem}.error{color:#a00}</style>
            </head><body>
            <h1>Anmeldung Betreiber</h1>
            <p>Operator sign-in with the operator's client credentials of the platform's issuer.</p>
            {{message}}
            <form method="post" action="{{Path}}">
            <input type="hidden" name="{{html.Encode(tokens.FormFieldName)}}" value="{{html.Encode(tokens.RequestToken ?? "")}}">
            <input type="hidden" name="returnUrl" value="{{html.Encode(SafeReturnUrl(returnUrl))}}">
            <label for="clientId">Client-ID</label><input id="clientId" name="clientId" autocomplete="username" required>
            <label for="clientSecret">Client-Secret</label><input id="clientSecret" name="clientSecret" type="password" autocomplete="current-password" required>
            <button type="submit">Anmelden</button>
            </form></body></html>
            """, "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>The login form's fields.</summary>
    private sealed record LoginForm(string? ClientId, string? ClientSecret, string? ReturnUrl);

    private sealed record TokenResponse([property: JsonPropertyName("access_token")] string AccessToken);
}
