using GenomDE.Orleans.Domain.Common;

namespace GenomDE.Orleans.ClientApi.Problems;

public static class ResultHttp
{
    /// <summary>200 with the value, or the problem that names the broken rule.</summary>
    public static IResult ToHttp<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : Problem.Result(result.Error!);

    public static IResult OrNotFound<T>(this T? value, string code, string detail)
        where T : class =>
        value is null ? Problem.Result(StatusCodes.Status404NotFound, code, "Not found", detail) : TypedResults.Ok(value);
}
