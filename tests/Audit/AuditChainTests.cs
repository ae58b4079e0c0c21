using System.Security.Cryptography;
using System.Text;
using GenomDE.Orleans.GrainInterfaces.Audit;

namespace GenomDE.Orleans.Tests.Audit;

/// <summary>The chain's own rules: every kind of tampering is named at the first entry it touched,
/// and a signed checkpoint catches a rewrite that recomputed every hash after the change.</summary>
public sealed class AuditChainTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static AuditDraft Draft(int i) =>
        new(At.AddSeconds(i), "operator", "BfArM", null, "POST /api/v1/nodes", $"/api/v1/nodes/{i}", $"req-{i}", 201, new string('a', 64));

    private static List<AuditEntry> Chain(int n) => [.. AuditChain.Link(0, AuditChain.Genesis, [.. Enumerable.Range(1, n).Select(Draft)])];

    /// <summary>A checkpoint over the first <paramref name="seq"/> of <paramref name="entries"/>, as the audit grain signs it.</summary>
    private static AuditCheckpoint Sign(ECDsa key, List<AuditEntry> entries, int seq, DateTimeOffset time) =>
        AuditChain.Sign(key, seq, entries[seq - 1].Hash, AuditMerkle.Hex(AuditMerkle.Root(entries.Take(seq).Select(AuditMerkle.LeafHash))), time);

    private static Task<AuditVerification> Verify(IEnumerable<AuditEntry> entries, params AuditCheckpoint[] checkpoints) =>
        AuditChain.Verify(entries.ToAsyncEnumerable(), checkpoints);

    [Fact]
    public async Task An_untouched_chain_with_its_checkpoints_verifies()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var entries = Chain(10);
        var checkpoint = Sign(key, entries, 6, At);

        var result = await Verify(entries, checkpoint);

        Assert.Equal(new AuditVerification(true, 10, 1, null, null), result);
        Assert.Equal(AuditChain.Genesis, entries[0].PrevHash);
        Assert.All(entries.Skip(1), (e, i) => Assert.Equal(entries[i].Hash, e.PrevHash));
    }

    [Fact]
    public async Task Each_kind_of_tampering_names_the_first_entry_it_touched()
    {
        var entries = Chain(10);
        var edited = entries.ToList();
        edited[3] = edited[3] with { Draft = edited[3].Draft with { Outcome = 403 } };
        var removed = entries.Where(e => e.Seq != 5).ToList();
        var swapped = entries.ToList();
        (swapped[6], swapped[7]) = (swapped[7] with { Seq = 7 }, swapped[6] with { Seq = 8 });
        var inserted = entries.Take(2).Append(entries[1]).Concat(entries.Skip(2)).ToList();

        Assert.Equal((4L, 3L), Broken(await Verify(edited)));
        Assert.Equal((5L, 4L), Broken(await Verify(removed)));
        Assert.Equal((7L, 6L), Broken(await Verify(swapped)));
        Assert.Equal((2L, 2L), Broken(await Verify(inserted)));
        Assert.Contains("changed", (await Verify(edited)).Problem, StringComparison.Ordinal);
        Assert.Contains("missing", (await Verify(removed)).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_signed_before_a_rewrite_proves_it_even_when_every_hash_was_recomputed()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var entries = Chain(10);
        var early = Sign(key, entries, 3, At);
        var late = Sign(key, entries, 8, At.AddMinutes(1));

        // The attacker changes entry 5 and recomputes the whole chain from there: self-consistent.
        var drafts = entries.Select(e => e.Draft).ToList();
        drafts[4] = drafts[4] with { ActorId = "someone-else" };
        var rewritten = AuditChain.Link(0, AuditChain.Genesis, drafts);
        Assert.True((await Verify(rewritten)).Intact);

        var result = await Verify(rewritten, early, late);

        Assert.False(result.Intact);
        Assert.Equal(4, result.FirstBrokenSeq); // entries 1–3 are pinned by the earlier checkpoint
        Assert.Contains("entries 4–8", result.Problem, StringComparison.Ordinal);
        Assert.Contains("head hash and its Merkle root differ", result.Problem, StringComparison.Ordinal);
        Assert.Equal(8, result.BrokenCheckpointSeq);
    }

    [Fact]
    public async Task A_checkpoint_whose_signed_Merkle_root_is_not_the_entries_root_is_named()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var entries = Chain(6);
        var good = Sign(key, entries, 2, At);
        // Signed by the right key over the right head, but over the root of other leaves.
        var wrongRoot = AuditChain.Sign(key, 5, entries[4].Hash, AuditMerkle.Hex(AuditMerkle.Root(entries.Take(4).Select(AuditMerkle.LeafHash))), At.AddMinutes(1));

        var result = await Verify(entries, good, wrongRoot);

        Assert.False(result.Intact);
        Assert.Equal((3L, 5L), (result.FirstBrokenSeq, result.BrokenCheckpointSeq));
        Assert.Contains("Merkle root of the checkpoint over entries 1–5", result.Problem, StringComparison.Ordinal);
        Assert.True((await Verify(entries, good, Sign(key, entries, 5, At.AddMinutes(1)))).Intact);
    }

    [Fact]
    public async Task A_checkpoint_signed_before_Merkle_roots_still_verifies_and_cannot_lose_a_root_unnoticed()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var entries = Chain(4);
        // The v1 text, written out here as it was signed before checkpoints carried a root.
        var text = $"genomde-audit-checkpoint/v1\n3\n{entries[2].Hash}\n{At:yyyy-MM-ddTHH:mm:ss.fffffff}+00:00";
        var spki = key.ExportSubjectPublicKeyInfo();
        var legacy = new AuditCheckpoint(3, entries[2].Hash, At, AuditChain.KeyIdOf(spki), Convert.ToBase64String(spki),
            Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA256)), null);
        var current = Sign(key, entries, 4, At);

        Assert.True(AuditChain.SignatureHolds(legacy));
        Assert.True((await Verify(entries, legacy, current)).Intact);
        Assert.False(AuditChain.SignatureHolds(current with { MerkleRoot = null })); // a stripped root is no v1 checkpoint
        Assert.False(AuditChain.SignatureHolds(current with { MerkleRoot = legacy.HeadHash }));
    }

    [Fact]
    public async Task A_forged_or_truncated_checkpoint_is_refused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var entries = Chain(5);
        var checkpoint = Sign(key, entries, 5, At);

        Assert.Contains("no valid signature", (await Verify(entries, checkpoint with { Seq = 4, HeadHash = entries[3].Hash })).Problem, StringComparison.Ordinal);
        var truncated = await Verify(entries.Take(3), checkpoint);
        Assert.Equal((4L, 3L), Broken(truncated)); // the last two entries were deleted: only the checkpoint knows
    }

    private static (long? First, long Intact) Broken(AuditVerification result)
    {
        Assert.False(result.Intact);
        return (result.FirstBrokenSeq, result.Entries);
    }
}
