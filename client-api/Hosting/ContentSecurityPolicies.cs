using GenomDE.Orleans.ClientApi.Auth;

namespace GenomDE.Orleans.ClientApi.Hosting;

/// <summary>The <c>Content-Security-Policy</c> of each answer. API answers are data: nothing in them
/// may load or run anything, nor be framed. Our HTML pages load only from this host; the Scalar docs
/// page configures itself with an inline module script (its content depends on the path base, so no
/// fixed hash fits), the login page and the dashboard style inline. No page may be framed
/// (clickjacking) or post a form elsewhere.</summary>
public static class ContentSecurityPolicies
{
    public const string Api = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public const string Pages =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string Docs =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static string For(PathString path) =>
        path.StartsWithSegments(PlatformRoutes.Docs) ? Docs
        : path.StartsWithSegments(PlatformRoutes.Dashboard) || path.StartsWithSegments(OperatorLogin.Path) || path.StartsWithSegments(OperatorLogin.LogoutPath) ? Pages
        : Api;
}
