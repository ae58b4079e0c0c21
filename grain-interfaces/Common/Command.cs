namespace GenomDE.Orleans.GrainInterfaces.Common;

/// <summary>Envelope of every state-changing grain call. <see cref="RequestId"/> makes the call
/// idempotent: a replay with the same ID returns the first answer and changes nothing.</summary>
[GenerateSerializer, Immutable, Alias("genomde.command-context")]
public sealed record CommandContext(
    [property: Id(0)] Caller Caller,
    [property: Id(1)] string RequestId);
