using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GenomDE.Orleans.GrainInterfaces.Audit;

/// <summary>The rules of the audit chain, in one place for the writer, the API and the offline
/// verifier: the canonical text of an entry, how hashes link, what a checkpoint signs, and the
/// verification that names the first entry that is not what was written.</summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of entry 1.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>A JSON array of the entry's values in a fixed order: unambiguous (every value is a
    /// JSON string or number) and independent of property names.</summary>
    public static string Canonical(long seq, AuditDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return JsonSerializer.Serialize<object?[]>(
        [
            seq, draft.Time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture), draft.ActorRole, draft.ActorId, draft.ClientId,
            draft.Action, draft.Target, draft.RequestId, draft.Outcome, draft.BodySha256,
        ]);
    }

    public static string Hash(string prevHash, long seq, AuditDraft draft) => HashOf(prevHash, Canonical(seq, draft));

    /// <summary>Entries for <paramref name="drafts"/> after the head (<paramref name="headSeq"/>, <paramref name="headHash"/>).</summary>
    public static IReadOnlyList<AuditEntry> Link(long headSeq, string headHash, IReadOnlyList<AuditDraft> drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var entries = new List<AuditEntry>(drafts.Count);
        var prev = headHash;
        var seq = headSeq;
        foreach (var draft in drafts)
        {
            seq++;
            var hash = Hash(prev, seq, draft);
            entries.Add(new AuditEntry(seq, draft, prev, hash));
            prev = hash;
        }

        return entries;
    }

    /// <summary>What a checkpoint signs. v2 adds the Merkle root; v1 (no root) is the text of
    /// checkpoints signed before roots existed, kept so that they still verify. Stripping the root
    /// from a v2 checkpoint does not make it a valid v1 one: the signed text differs.</summary>
    public static string CheckpointText(long seq, string headHash, string? merkleRoot, DateTimeOffset time) => merkleRoot is null
        ? string.Create(CultureInfo.InvariantCulture, $"genomde-audit-checkpoint/v1\n{seq}\n{headHash}\n{time.ToUniversalTime():O}")
        : string.Create(CultureInfo.InvariantCulture, $"genomde-audit-checkpoint/v2\n{seq}\n{headHash}\n{merkleRoot}\n{time.ToUniversalTime():O}");

    /// <summary>Signs at <paramref name="time"/> cut to whole milliseconds (UTC), so the time reads
    /// back exactly from any store. <paramref name="merkleRoot"/> is the hex MTH over entries 1–<paramref name="seq"/>.</summary>
    public static AuditCheckpoint Sign(ECDsa key, long seq, string headHash, string merkleRoot, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(merkleRoot);
        time = new DateTimeOffset(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var publicKey = key.ExportSubjectPublicKeyInfo();
        var signature = key.SignData(Encoding.UTF8.GetBytes(CheckpointText(seq, headHash, merkleRoot, time)), HashAlgorithmName.SHA256);
        return new AuditCheckpoint(seq, headHash, time, KeyIdOf(publicKey), Convert.ToBase64String(publicKey), Convert.ToBase64String(signature), merkleRoot);
    }

    public static string KeyIdOf(byte[] subjectPublicKeyInfo) => Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo))[..16];

    public static bool SignatureHolds(AuditCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        try
        {
            using var key = ECDsa.Create();
            var spki = Convert.FromBase64String(checkpoint.PublicKey);
            key.ImportSubjectPublicKeyInfo(spki, out _);
            return KeyIdOf(spki) == checkpoint.KeyId
                && key.VerifyData(Encoding.UTF8.GetBytes(CheckpointText(checkpoint.Seq, checkpoint.HeadHash, checkpoint.MerkleRoot, checkpoint.Time)),
                    Convert.FromBase64String(checkpoint.Signature), HashAlgorithmName.SHA256);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Recomputes the chain over <paramref name="entries"/> (in stored order) and checks every
    /// checkpoint against it. Names the first entry that was changed, removed, inserted or moved; a
    /// rewrite that recomputed every hash after it is caught by a checkpoint signed before it, whose
    /// head hash and Merkle root (both recomputed here, in the same pass) no longer match.</summary>
    public static async Task<AuditVerification> Verify(IAsyncEnumerable<AuditEntry> entries, IReadOnlyList<AuditCheckpoint> checkpoints)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(checkpoints);
        var wanted = checkpoints.Select(c => c.Seq).ToHashSet();
        var headAt = new Dictionary<long, string>();
        var rootAt = new Dictionary<long, string>();
        var tree = new MerkleFrontier();
        var prev = Genesis;
        long expected = 1;
        await foreach (var entry in entries)
        {
            if (entry.Seq != expected)
            {
                return entry.Seq > expected
                    ? Broken(expected - 1, checkpoints, expected, $"entry {expected} is missing: removed from the log")
                    : Broken(expected - 1, checkpoints, entry.Seq, $"entry {entry.Seq} appears again after entry {expected - 1}: inserted or moved");
            }

            if (entry.PrevHash != prev)
            {
                return Broken(expected - 1, checkpoints, entry.Seq, $"entry {entry.Seq} does not follow entry {entry.Seq - 1}: inserted, removed or moved");
            }

            var canonical = Canonical(entry.Seq, entry.Draft);
            var hash = HashOf(prev, canonical);
            if (hash != entry.Hash)
            {
                return Broken(expected - 1, checkpoints, entry.Seq, $"entry {entry.Seq} is not what was written: changed after it was stored");
            }

            tree.Add(AuditMerkle.LeafHash(Encoding.UTF8.GetBytes(canonical)));
            if (wanted.Contains(entry.Seq))
            {
                headAt[entry.Seq] = hash;
                rootAt[entry.Seq] = AuditMerkle.Hex(tree.Root());
            }

            prev = hash;
            expected++;
        }

        var count = expected - 1;
        long confirmed = 0;
        foreach (var checkpoint in checkpoints.OrderBy(c => c.Seq))
        {
            if (!SignatureHolds(checkpoint))
            {
                return new AuditVerification(false, count, checkpoints.Count, null, $"the checkpoint over entries 1–{checkpoint.Seq} has no valid signature", checkpoint.Seq);
            }

            if (checkpoint.Seq > count)
            {
                return new AuditVerification(false, count, checkpoints.Count, count + 1,
                    $"the checkpoint signed at {checkpoint.Time:O} covers {checkpoint.Seq} entries, the log holds {count}: entries from {count + 1} on were removed", checkpoint.Seq);
            }

            if (checkpoint.Seq > 0 && Mismatch(checkpoint, headAt[checkpoint.Seq], rootAt[checkpoint.Seq], confirmed) is { } problem)
            {
                return new AuditVerification(false, count, checkpoints.Count, confirmed + 1, problem, checkpoint.Seq);
            }

            confirmed = checkpoint.Seq;
        }

        return new AuditVerification(true, count, checkpoints.Count, null, null);
    }

    /// <summary>Why <paramref name="checkpoint"/> does not match the recomputed head hash and root,
    /// or null when it does. A v1 checkpoint has no root to compare.</summary>
    private static string? Mismatch(AuditCheckpoint checkpoint, string head, string root, long confirmed)
    {
        var headDiffers = head != checkpoint.HeadHash;
        var rootDiffers = checkpoint.MerkleRoot is not null && root != checkpoint.MerkleRoot;
        var signed = $"the checkpoint over entries 1–{checkpoint.Seq} signed at {checkpoint.Time:O}";
        return (headDiffers, rootDiffers) switch
        {
            (true, _) => $"the log was rewritten within entries {confirmed + 1}–{checkpoint.Seq}: it no longer matches {signed} " +
                $"({(rootDiffers ? "its head hash and its Merkle root differ" : "its head hash differs")}; every hash after the change was recomputed)",
            (false, true) => $"the Merkle root of {signed} does not match entries 1–{checkpoint.Seq}, though its head hash does",
            _ => null,
        };
    }

    private static string HashOf(string prevHash, string canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{prevHash}\n{canonical}")));

    private static AuditVerification Broken(long intactThrough, IReadOnlyList<AuditCheckpoint> checkpoints, long first, string problem) =>
        new(false, intactThrough, checkpoints.Count, first, problem);
}
