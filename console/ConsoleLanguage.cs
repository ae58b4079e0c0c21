namespace GenomDE.Orleans.OperatorConsole;

/// <summary>The console speaks German unless the operator switched to English (a cookie; the switch
/// is a link, so it works without script).</summary>
public static class ConsoleLanguage
{
    public const string Cookie = "genomde-console-lang";

    public static Texts Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Request.Cookies[Cookie] == "en" ? Texts.En : Texts.De;
    }

    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 1 } url && url.StartsWith(ConsoleRoutes.Root + "/", StringComparison.Ordinal) && url[1] is not '/' and not '\\'
            ? url
            : ConsoleRoutes.Root;
}
