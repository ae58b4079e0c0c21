using System.Text.Json;
using GenomDE.Orleans.GrainInterfaces.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace GenomDE.Orleans.ClientApi.Problems;

/// <summary>Turns request-shape failures (malformed JSON, wrong enum, oversized body) into a 4xx
/// that names the problem; anything else is a 500 without internals.</summary>
public sealed class ExceptionProblems(ILogger<ExceptionProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, title, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (StatusCodes.Status413PayloadTooLarge, "body_too_large", "Request body too large", $"The request body exceeds the limit of {PlatformRoutes.MaxBodyBytes} bytes."),
            BadHttpRequestException { InnerException: JsonException json } when IsDuplicateProperty(json) =>
                (StatusCodes.Status400BadRequest, "duplicate_property", "Duplicate property", DescribeJson(json)),
            BadHttpRequestException bad when bad.InnerException is JsonException json =>
                (StatusCodes.Status400BadRequest, "malformed_json", "Malformed request body", DescribeJson(json)),
            BadHttpRequestException bad =>
                (bad.StatusCode, "bad_request", "Bad request", bad.Message),
            JsonException json when IsDuplicateProperty(json) =>
                (StatusCodes.Status400BadRequest, "duplicate_property", "Duplicate property", DescribeJson(json)),
            JsonException json =>
                (StatusCodes.Status400BadRequest, "malformed_json", "Malformed request body", DescribeJson(json)),
            // A database error that did not pass through the grains' filter (an activation's state
            // read, a reminder write) arrives as the Npgsql exception itself, possibly wrapped.
            _ when Find<StorageUnavailableException>(exception) is not null || Find<System.Data.Common.DbException>(exception) is not null =>
                (StatusCodes.Status503ServiceUnavailable, "storage_unavailable", "Storage temporarily unavailable",
                 "The platform's database could not be reached; nothing unsaved was kept. Retry with the same Idempotency-Key: a replay returns the first answer or decides again on stored state."),
            TimeoutException or OrleansException =>
                (StatusCodes.Status503ServiceUnavailable, "cluster_unavailable", "Cluster temporarily unavailable",
                 "The request could not be completed because a silo is unreachable; its outcome is unknown. Retry with the same Idempotency-Key: a replay never applies a change twice."),
            _ => (StatusCodes.Status500InternalServerError, "internal_error", "Internal error", "The platform failed to process the request; nothing was changed by the failed step. Retry with the same Idempotency-Key."),
        };

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "1";
            logger.LogWarning(exception, "Cluster unavailable for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }
        else if (status >= 500)
        {
            logger.LogError(exception, "Unhandled error for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        await Problem.Write(httpContext, status, code, title, detail);
        return true;
    }

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The API refuses a property given twice (<c>AllowDuplicateProperties = false</c>): two
    /// readers of one body could otherwise take different values. System.Text.Json has no exception
    /// type of its own for it, only its message, which names the property.</summary>
    private static bool IsDuplicateProperty(JsonException json) => json.Message.StartsWith("Duplicate property", StringComparison.Ordinal);

    private static string DescribeJson(JsonException json)
    {
        // System.Text.Json's own message names the path and the expected type; keep it but drop line internals.
        var message = json.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        message = (cut > 0 ? message[..cut] : message).TrimEnd(' ', '|');
        return json.Path is { } path && !message.Contains("Path:", StringComparison.Ordinal) ? $"{message} Path: {path}" : message;
    }
}
