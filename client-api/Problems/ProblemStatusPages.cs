using Microsoft.AspNetCore.Diagnostics;

namespace GenomDE.Orleans.ClientApi.Problems;

/// <summary>Bodies for errors the framework raises before a handler runs (unknown route, wrong
/// method or media type, body over the limit), in the same problem+json shape as ours.</summary>
public static class ProblemStatusPages
{
    public static Task Write(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var (code, title, detail) = http.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => ("no_such_endpoint", "No such endpoint", $"Nothing is served at {http.Request.Method} {http.Request.Path}."),
            StatusCodes.Status405MethodNotAllowed => ("method_not_allowed", "Method not allowed", $"{http.Request.Path} does not accept {http.Request.Method}."),
            StatusCodes.Status413PayloadTooLarge => ("body_too_large", "Request body too large", $"The request body exceeds the limit of {PlatformRoutes.MaxBodyBytes} bytes."),
            StatusCodes.Status415UnsupportedMediaType => ("unsupported_media_type", "Unsupported media type", "Send the body as application/json."),
            var status => ("http_" + status, "Request failed", $"The request failed with HTTP status {status}."),
        };
        return Problem.Write(http, http.Response.StatusCode, code, title, detail);
    }
}
