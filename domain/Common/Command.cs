namespace GenomDE.Orleans.Domain.Common;

/// <summary>Envelope of every state-changing grain call. <see cref="RequestId"/> makes the call
/// idempotent: a replay with the same ID returns the first answer and changes nothing.
/// <see cref="RequestHash"/> is the SHA-256 of the HTTP request that carried the participant's
/// Idempotency-Key (null without one): stored with the answer, it tells a replay from a different
/// request that reused the key. <see cref="Keyless"/>: the participant sent no key, so nobody can
/// replay the request and its answer is not kept.</summary>
[GenerateSerializer, Immutable, Alias("genomde.command-context")]
public sealed record CommandContext(
    [property: Id(0)] Caller Caller,
    [property: Id(1)] string RequestId,
    [property: Id(2)] string? RequestHash = null,
    [property: Id(3)] bool Keyless = false);
