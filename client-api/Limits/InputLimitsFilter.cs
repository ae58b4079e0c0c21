using GenomDE.Orleans.ClientApi.Problems;
using GenomDE.Orleans.Domain.Common;

namespace GenomDE.Orleans.ClientApi.Limits;

/// <summary>Runs on every API endpoint after binding and before the handler, so no handler can call
/// a grain with a malformed route ID (<see cref="PathIds"/>) or an oversized text or list in its
/// body (<see cref="BodyLimits"/>): 400 problem+json that names the parameter or field.</summary>
public sealed class InputLimitsFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var routeValues = context.HttpContext.Request.RouteValues;
        foreach (var name in PathIds.Names)
        {
            if (routeValues.TryGetValue(name, out var value) && PathIds.Check(name, value as string) is { } malformed)
            {
                return ValueTask.FromResult<object?>(Problem.Result(malformed));
            }
        }

        foreach (var argument in context.Arguments)
        {
            if (BodyLimits.Check(argument) is { } tooLarge)
            {
                return ValueTask.FromResult<object?>(Problem.Result(tooLarge));
            }
        }

        return next(context);
    }
}
