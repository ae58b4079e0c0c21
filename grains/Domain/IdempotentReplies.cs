using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using GenomDE.Orleans.GrainInterfaces.Common;

namespace GenomDE.Orleans.Grains.Domain;

/// <summary>The answers a grain gave to its most recent commands, stored in the same state record
/// as the change itself, so that a replayed request returns the first answer and changes nothing
/// (Orleans messaging is at-most-once: clients retry after timeouts).
/// Each answer is kept packed (JSON, Brotli-compressed): replies are read back only on a replay, but
/// the state around them is rewritten on every command, and a case keeps several full views of
/// itself; packed they cost a fraction of the bytes to serialise and store on each write.</summary>
[GenerateSerializer]
public sealed class IdempotentReplies<T>
{
    public const int Capacity = 128;

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    [Id(0)]
    public List<IdempotentReply> Entries { get; set; } = [];

    /// <summary>The stored answer for <paramref name="requestId"/>; a key reused for a different
    /// request is a 409 instead of a silent replay.</summary>
    public Result<T>? Find(string requestId, string fingerprint)
    {
        var entry = Entries.Find(e => e.RequestId == requestId);
        if (entry is null)
        {
            return null;
        }

        return entry.Fingerprint == fingerprint
            ? Unpack(entry.Packed)
            : DomainError.Conflict(
                "idempotency_key_reused",
                "Idempotency key reused",
                $"The Idempotency-Key '{requestId}' was already used for a different request.");
    }

    public void Remember(string requestId, string fingerprint, Result<T> reply)
    {
        Entries.Add(new IdempotentReply(requestId, fingerprint, Pack(reply)));
        if (Entries.Count > Capacity)
        {
            Entries.RemoveRange(0, Entries.Count - Capacity);
        }
    }

    private static byte[] Pack(Result<T> reply)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(reply, Json);
        var packed = new byte[BrotliEncoder.GetMaxCompressedLength(json.Length)];
        if (!BrotliEncoder.TryCompress(json, packed, out var length, quality: 1, window: 22))
        {
            throw new InvalidOperationException("Brotli could not compress a reply into its maximum compressed length.");
        }

        return packed[..length];
    }

    private static Result<T> Unpack(byte[] packed)
    {
        using var input = new MemoryStream(packed);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        return JsonSerializer.Deserialize<Result<T>>(brotli, Json)
            ?? throw new InvalidOperationException("A stored reply unpacked to null.");
    }
}

[GenerateSerializer, Immutable]
public sealed record IdempotentReply(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] byte[] Packed);
