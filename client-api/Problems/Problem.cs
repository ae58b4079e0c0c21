using GenomDE.Orleans.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace GenomDE.Orleans.ClientApi.Problems;

/// <summary>Every error leaves the API as RFC 9457 problem+json; <c>type</c> is
/// <c>urn:genomde:problem:{code}</c> so clients can switch on it.</summary>
public static class Problem
{
    public const string ContentType = "application/problem+json";

    public static string TypeOf(string code) => $"urn:genomde:problem:{code}";

    public static ProblemDetails Details(int status, string code, string title, string detail) => new()
    {
        Status = status,
        Type = TypeOf(code),
        Title = title,
        Detail = detail,
    };

    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status400BadRequest,
    };

    public static IResult Result(DomainError error)
    {
        var details = Details(StatusOf(error.Kind), error.Code, error.Title, error.Detail);
        if (error.Errors is { } errors)
        {
            details.Extensions["errors"] = errors;
        }

        if (error.Warnings is { Count: > 0 } warnings)
        {
            details.Extensions["warnings"] = warnings;
        }

        return TypedResults.Problem(details);
    }

    public static IResult Result(int status, string code, string title, string detail) =>
        TypedResults.Problem(Details(status, code, title, detail));

    public static Task Write(HttpContext context, int status, string code, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(Details(status, code, title, detail), (System.Text.Json.JsonSerializerOptions?)null, ContentType);
    }
}
