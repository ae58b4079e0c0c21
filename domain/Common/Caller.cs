namespace GenomDE.Orleans.Domain.Common;

/// <summary>Who is calling: the authenticated participant, passed into every command so grains
/// can authorize again behind the HTTP edge.</summary>
[GenerateSerializer, Immutable, Alias("genomde.caller")]
public sealed record Caller(
    [property: Id(0)] ParticipantRole Role,
    [property: Id(1)] string ParticipantId)
{
    public bool IsOperator => Role == ParticipantRole.Operator;
}
