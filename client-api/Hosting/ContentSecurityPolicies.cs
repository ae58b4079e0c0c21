using GenomDE.Orleans.ClientApi.Auth;

namespace GenomDE.Orleans.ClientApi.Hosting;

/// <summary>The <c>Content-Security-Policy</c> of each answer. API answers are data: nothing in them
/// may load or run anything, nor be framed. Our HTML pages load only from this host; the Scalar docs
/// page configures itself with an inline module script (its content depends on the path base, so no
/// fixed hash fits), the login page and the dashboard style inline; the console needs neither. No page may be framed
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

    /// <summary>The operator console renders on the server: no script at all, styles and images from
    /// this host only (its charts are inline SVG markup, styled by the stylesheet), forms to this host.</summary>
    public const string Console =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static string For(PathString path) =>
        path.StartsWithSegments(PlatformRoutes.Docs) ? Docs
        : path.StartsWithSegments(OperatorConsole.ConsoleRoutes.Root) ? Console
        : path.StartsWithSegments(PlatformRoutes.Dashboard) || path.StartsWithSegments(OperatorLogin.Path) || path.StartsWithSegments(OperatorLogin.LogoutPath) ? Pages
        : Api;
}
