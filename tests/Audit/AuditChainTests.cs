using System.Security.Cryptography;
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

    private static Task<AuditVerification> Verify(IEnumerable<AuditEntry> entries, params AuditCheckpoint[] checkpoints) =>
        AuditChain.Verify(entries.ToAsyncEnumerable(), checkpoints);

    [Fact]
    public async Task An_untouched_chain_with_its_checkpoints_verifies()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var entries = Chain(10);
        var checkpoint = AuditChain.Sign(key, 6, entries[5].Hash, At);

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
        var early = AuditChain.Sign(key, 3, entries[2].Hash, At);
        var late = AuditChain.Sign(key, 8, entries[7].Hash, At.AddMinutes(1));

        // The attacker changes entry 5 and recomputes the whole chain from there: self-consistent.
        var drafts = entries.Select(e => e.Draft).ToList();
        drafts[4] = drafts[4] with { ActorId = "someone-else" };
        var rewritten = AuditChain.Link(0, AuditChain.Genesis, drafts);
        Assert.True((await Verify(rewritten)).Intact);

        var result = await Verify(rewritten, early, late);

        Assert.False(result.Intact);
        Assert.Equal(4, result.FirstBrokenSeq); // entries 1–3 are pinned by the earlier checkpoint
        Assert.Contains("entries 4–8", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_or_truncated_checkpoint_is_refused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var entries = Chain(5);
        var checkpoint = AuditChain.Sign(key, 5, entries[4].Hash, At);

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
