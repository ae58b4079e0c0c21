using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenomDE.Orleans.Domain.Common;

/// <summary>The answers a grain gave to its most recent commands, stored in the same state record
/// as the change itself, so that a replayed request returns the first answer and changes nothing
/// (Orleans messaging is at-most-once: clients retry after timeouts).
/// Each answer is kept as its JSON text: replies are read back only on a replay, but the state around
/// them is rewritten on every command, and a case keeps several full views of itself. As text they
/// are written as one string each instead of an object graph, and the storage still compresses the
/// record as a whole (the views repeat each other, so it compresses well).</summary>
[GenerateSerializer]
public sealed class IdempotentReplies<T>
{
    public const int Capacity = 128;

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    [Id(0)]
    public List<IdempotentReply> Entries { get; set; } = [];

    /// <summary>The stored answer for the command's request ID; the key reused for a different
    /// command or a different HTTP request (another body, another path) is a 422 instead of a silent
    /// replay.</summary>
    public Result<T>? Find(CommandContext context, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entry = Entries.Find(e => e.RequestId == context.RequestId);
        if (entry is null)
        {
            return null;
        }

        return entry.Fingerprint == Of(context, fingerprint)
            ? JsonSerializer.Deserialize<Result<T>>(entry.Json, Json) ?? throw new InvalidOperationException("A stored reply read as null.")
            : DomainError.Unprocessable(
                "idempotency_key_reused",
                "Idempotency key reused",
                "This Idempotency-Key was already used for a different request (another body, path or command); use a new key for a new request.",
                [], []);
    }

    private static string Of(CommandContext context, string fingerprint) =>
        context.RequestHash is { } hash ? $"{fingerprint}#{hash}" : fingerprint;

    /// <summary>Keeps the answer for a replay. A request without an Idempotency-Key can never be
    /// replayed by its sender, but its answer must outlive one thing: a write that committed while
    /// the grain saw it fail, after which the grain reloads and must not decide a second time. So
    /// only the latest keyless answer is kept, and the next command replaces it.</summary>
    public void Remember(CommandContext context, string fingerprint, Result<T> reply)
    {
        ArgumentNullException.ThrowIfNull(context);
        Entries.RemoveAll(e => e.Keyless);
        Entries.Add(new IdempotentReply(context.RequestId, Of(context, fingerprint), JsonSerializer.Serialize(reply, Json), context.Keyless));
        if (Entries.Count > Capacity)
        {
            Entries.RemoveRange(0, Entries.Count - Capacity);
        }
    }
}

[GenerateSerializer, Immutable]
public sealed record IdempotentReply(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] string Json,
    [property: Id(3)] bool Keyless = false);
