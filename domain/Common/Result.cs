namespace GenomDE.Orleans.Domain.Common;

/// <summary>Outcome of a command: a value or the broken rule. Rules are expected outcomes, so they
/// travel as values instead of exceptions.</summary>
[GenerateSerializer, Immutable, Alias("genomde.result`1")]
public sealed record Result<T>(
    [property: Id(0)] T? Value,
    [property: Id(1)] DomainError? Error)
{
    public bool IsSuccess => Error is null;

    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(DomainError error) => new(default, error);

    public static implicit operator Result<T>(DomainError error) => Failure(error);
}
