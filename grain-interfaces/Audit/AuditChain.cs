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

    public static string Hash(string prevHash, long seq, AuditDraft draft) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{prevHash}\n{Canonical(seq, draft)}")));

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

    public static string CheckpointText(long seq, string headHash, DateTimeOffset time) =>
        string.Create(CultureInfo.InvariantCulture, $"genomde-audit-checkpoint/v1\n{seq}\n{headHash}\n{time.ToUniversalTime():O}");

    /// <summary>Signs at <paramref name="time"/> cut to whole milliseconds (UTC), so the time reads
    /// back exactly from any store.</summary>
    public static AuditCheckpoint Sign(ECDsa key, long seq, string headHash, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(key);
        time = new DateTimeOffset(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var publicKey = key.ExportSubjectPublicKeyInfo();
        var signature = key.SignData(Encoding.UTF8.GetBytes(CheckpointText(seq, headHash, time)), HashAlgorithmName.SHA256);
        return new AuditCheckpoint(seq, headHash, time, KeyIdOf(publicKey), Convert.ToBase64String(publicKey), Convert.ToBase64String(signature));
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
                && key.VerifyData(Encoding.UTF8.GetBytes(CheckpointText(checkpoint.Seq, checkpoint.HeadHash, checkpoint.Time)),
                    Convert.FromBase64String(checkpoint.Signature), HashAlgorithmName.SHA256);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Recomputes the chain over <paramref name="entries"/> (in stored order) and checks every
    /// checkpoint against it. Names the first entry that was changed, removed, inserted or moved; a
    /// rewrite that recomputed every hash after it is caught by a checkpoint signed before it.</summary>
    public static async Task<AuditVerification> Verify(IAsyncEnumerable<AuditEntry> entries, IReadOnlyList<AuditCheckpoint> checkpoints)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(checkpoints);
        var wanted = checkpoints.Select(c => c.Seq).ToHashSet();
        var headAt = new Dictionary<long, string>();
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

            var hash = Hash(prev, entry.Seq, entry.Draft);
            if (hash != entry.Hash)
            {
                return Broken(expected - 1, checkpoints, entry.Seq, $"entry {entry.Seq} is not what was written: changed after it was stored");
            }

            if (wanted.Contains(entry.Seq))
            {
                headAt[entry.Seq] = hash;
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
                return new AuditVerification(false, count, checkpoints.Count, null, $"the checkpoint over entries 1–{checkpoint.Seq} has no valid signature");
            }

            if (checkpoint.Seq > count)
            {
                return new AuditVerification(false, count, checkpoints.Count, count + 1,
                    $"the checkpoint signed at {checkpoint.Time:O} covers {checkpoint.Seq} entries, the log holds {count}: entries from {count + 1} on were removed");
            }

            if (checkpoint.Seq > 0 && headAt[checkpoint.Seq] != checkpoint.HeadHash)
            {
                return new AuditVerification(false, count, checkpoints.Count, confirmed + 1,
                    $"the log was rewritten within entries {confirmed + 1}–{checkpoint.Seq}: it no longer matches the checkpoint signed at {checkpoint.Time:O} (every hash after the change was recomputed)");
            }

            confirmed = checkpoint.Seq;
        }

        return new AuditVerification(true, count, checkpoints.Count, null, null);
    }

    private static AuditVerification Broken(long intactThrough, IReadOnlyList<AuditCheckpoint> checkpoints, long first, string problem) =>
        new(false, intactThrough, checkpoints.Count, first, problem);
}
