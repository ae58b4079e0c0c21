namespace GenomDE.Orleans.ClientApi.Auth;

/// <summary>The operator console as an OAuth client: public (a browser flow, no secret), code flow
/// with PKCE S256, one redirect URI on the host that serves the console. The Keycloak realm of
/// <c>deploy/keycloak</c> names it the same.</summary>
public static class ConsoleClient
{
    public const string ClientId = "genomde-console";
    public const string SignInPath = OperatorConsole.ConsoleRoutes.Root + "/signin";
    public const string CallbackPath = OperatorConsole.ConsoleRoutes.Root + "/signin-oidc";

    public static string RedirectUri(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{CallbackPath}";

    public static string SignInUrl(HttpContext context) =>
        $"{SignInPath}?returnUrl={Uri.EscapeDataString(context.Request.PathBase + context.Request.Path + context.Request.QueryString)}";
}
