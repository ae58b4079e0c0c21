using System.Security.Cryptography;
using System.Text;
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
    public Result<T>? Find(CommandContext context, string fingerprint, ReplyCodec<T>? codec = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entry = Entries.Find(e => e.RequestId == context.RequestId);
        if (entry is null)
        {
            return null;
        }

        // Rows written before fingerprints were hashed hold them in full.
        var of = Of(context, fingerprint);
        return entry.Fingerprint == Hashed(of) || entry.Fingerprint == of
            ? Read(entry, codec)
            : DomainError.Unprocessable(
                "idempotency_key_reused",
                "Idempotency key reused",
                "This Idempotency-Key was already used for a different request (another body, path or command); use a new key for a new request.",
                [], []);
    }

    private static string Of(CommandContext context, string fingerprint) =>
        context.RequestHash is { } hash ? $"{fingerprint}#{hash}" : fingerprint;

    /// <summary>Only compared for equality, so a digest does: a fingerprint can be longer than the
    /// answer (a check report's fields, two SHA-256 in hex).
    /// 128 bits of SHA-256 keep collisions out of reach for the 128 entries a key is compared with.</summary>
    private static string Hashed(string fingerprint) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint)).AsSpan(0, 16));

    private static Result<T> Read(IdempotentReply entry, ReplyCodec<T>? codec) =>
        entry.Reference is { } reference
            ? Result<T>.Success((codec ?? throw new InvalidOperationException("A reply kept as a reference needs the codec that wrote it.")).Expand(reference))
            : JsonSerializer.Deserialize<Result<T>>(entry.Json!, Json) ?? throw new InvalidOperationException("A stored reply read as null.");

    /// <summary>Turns every reply kept as a reference into its full text, while the state the
    /// references point into is still the one they were made against: before a change the codec
    /// cannot follow.</summary>
    public void Materialize(ReplyCodec<T> codec)
    {
        ArgumentNullException.ThrowIfNull(codec);
        for (var i = 0; i < Entries.Count; i++)
        {
            if (Entries[i].Reference is not null)
            {
                Entries[i] = Entries[i] with { Json = JsonSerializer.Serialize(Read(Entries[i], codec), Json), Reference = null };
            }
        }
    }

    /// <summary>Keeps the answer for a replay. A request without an Idempotency-Key can never be
    /// replayed by its sender, but its answer must outlive one thing: a write that committed while
    /// the grain saw it fail, after which the grain reloads and must not decide a second time. So
    /// only the latest keyless answer is kept, and the next command replaces it.</summary>
    /// <summary>With a <paramref name="codec"/>, a successful answer the codec can point to in the
    /// grain's own state is kept as that reference, but only when rebuilding it gives the very same
    /// JSON (a replay answers the same bytes); anything else is kept as text.</summary>
    public void Remember(CommandContext context, string fingerprint, Result<T> reply, ReplyCodec<T>? codec = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reply);
        Entries.RemoveAll(e => e.Keyless);
        var json = JsonSerializer.Serialize(reply, Json);
        var reference = codec is not null && reply.IsSuccess && codec.Compact(reply.Value!) is { } compact
            && JsonSerializer.Serialize(Result<T>.Success(codec.Expand(compact)), Json) == json
            ? compact
            : null;
        Entries.Add(new IdempotentReply(context.RequestId, Hashed(Of(context, fingerprint)), reference is null ? json : null, context.Keyless, reference));
        if (Entries.Count > Capacity)
        {
            Entries.RemoveRange(0, Entries.Count - Capacity);
        }
    }
}

/// <summary>One kept answer: its JSON text, or a <see cref="Reference"/> into the grain's state that
/// the grain's <see cref="ReplyCodec{T}"/> rebuilds it from.</summary>
[GenerateSerializer, Immutable]
public sealed record IdempotentReply(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string Fingerprint,
    [property: Id(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Json,
    [property: Id(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Keyless = false,
    [property: Id(4), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reference = null);

/// <summary>How a grain points to an answer in its own state instead of keeping a copy:
/// <see cref="Compact"/> gives the reference (null: keep the text), <see cref="Expand"/> rebuilds
/// the answer from the current state.</summary>
public sealed record ReplyCodec<T>(Func<T, string?> Compact, Func<string, T> Expand);
