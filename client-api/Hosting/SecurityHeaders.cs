namespace GenomDE.Orleans.ClientApi.Hosting;

/// <summary>Headers every answer carries, errors and refusals included (set when the answer starts,
/// after the exception handler may have cleared the headers): no MIME sniffing, the path's content
/// security policy (<see cref="ContentSecurityPolicies"/>), no referrer leaving with an ID in a URL,
/// and HSTS on HTTPS requests only (over plain HTTP it would be ignored, and it must never pin a
/// host that is not served over TLS).</summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>One year: the usual minimum for HSTS preload lists.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    public Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.OnStarting(() =>
        {
            Apply(http);
            return Task.CompletedTask;
        });
        return next(http);
    }

    public static void Apply(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicies.For(http.Request.Path);
        headers["Referrer-Policy"] = "no-referrer";
        if (http.Request.IsHttps)
        {
            headers.StrictTransportSecurity = StrictTransportSecurity;
        }
    }
}
