using System.Security.Cryptography;
using System.Text;
using GenomDE.Orleans.GrainInterfaces.Audit;

namespace GenomDE.Orleans.Tests.Audit;

/// <summary>AuditMerkle against RFC 9162's definitions (<see cref="Rfc9162"/>, computed here) for
/// every leaf of every tree of 1 to 9 leaves: roots, audit paths, and that a proof holds for its
/// leaf, index and tree size only.</summary>
public sealed class AuditMerkleTests
{
    /// <summary>The leaves of Certificate Transparency's published test vectors, plus a ninth.</summary>
    private static readonly byte[][] Data = [.. new[] { "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f", "70" }
        .Select(Convert.FromHexString)];

    private static readonly byte[][] LeafHashes = [.. Data.Select(d => AuditMerkle.LeafHash(d))];

    public static TheoryData<int> Sizes() => [.. Enumerable.Range(1, 9)];

    [Fact]
    public void Hashes_are_prefixed_SHA256_and_the_split_is_the_largest_power_of_two_below_n()
    {
        Assert.Equal(Rfc9162.Hash([0x00], Data[3]), AuditMerkle.LeafHash(Data[3]));
        Assert.Equal(Rfc9162.Hash([0x01], LeafHashes[0], LeafHashes[1]), AuditMerkle.NodeHash(LeafHashes[0], LeafHashes[1]));
        Assert.Equal([1L, 2, 2, 4, 4, 4, 4, 8, 8, 32], new long[] { 2, 3, 4, 5, 6, 7, 8, 9, 16, 33 }.Select(AuditMerkle.Split));
        Assert.Equal(1L << 62, AuditMerkle.Split(long.MaxValue));
    }

    [Fact]
    public void Roots_are_the_RFC_tree_heads_and_the_published_vectors()
    {
        // Roots of the first 1–8 leaves as published with Certificate Transparency's test data.
        string[] published =
        [
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
        ];
        for (var n = 0; n <= Data.Length; n++)
        {
            Assert.Equal(Rfc9162.Mth(Data[..n]), AuditMerkle.Root(LeafHashes[..n]));
        }

        Assert.Equal(SHA256.HashData(ReadOnlySpan<byte>.Empty), AuditMerkle.Root([]));
        Assert.Equal(published, Enumerable.Range(1, 8).Select(n => AuditMerkle.Hex(AuditMerkle.Root(LeafHashes[..n]))));
    }

    [Fact]
    public void The_frontier_holds_the_root_of_every_prefix_as_leaves_arrive()
    {
        var leaves = Enumerable.Range(0, 40).Select(i => Encoding.UTF8.GetBytes($"leaf {i}")).ToList();
        var frontier = new MerkleFrontier();
        for (var n = 1; n <= leaves.Count; n++)
        {
            frontier.Add(AuditMerkle.LeafHash(leaves[n - 1]));
            Assert.Equal(n, frontier.Size);
            Assert.Equal(Rfc9162.Mth(leaves[..n]), frontier.Root());
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Every_leaf_has_the_RFC_audit_path_and_it_leads_to_the_root(int n)
    {
        var root = Rfc9162.Mth(Data[..n]);
        for (var m = 0; m < n; m++)
        {
            var path = AuditMerkle.InclusionProof(LeafHashes, m, n)!;

            Assert.Equal(Rfc9162.Path(m, Data[..n]), path);
            Assert.Equal(path, await AuditMerkle.InclusionProofAsync(LeafHashes.ToAsyncEnumerable(), m, n));
            Assert.Equal(root, AuditMerkle.RootFromInclusionProof(m, n, LeafHashes[m], path));
            Assert.Equal(root, Rfc9162.RootFromPath(LeafHashes[m], m, n, path));
            Assert.True(AuditMerkle.VerifyInclusion(m, n, LeafHashes[m], path, root), $"leaf {m} of {n}");
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void A_proof_fails_for_another_leaf_index_or_tree_size_or_a_changed_path(int n)
    {
        for (var m = 0; m < n; m++)
        {
            var path = AuditMerkle.InclusionProof(LeafHashes, m, n)!;
            var root = AuditMerkle.Root(LeafHashes[..n]);
            var leaf = LeafHashes[m];

            Assert.False(AuditMerkle.VerifyInclusion(m, n, AuditMerkle.LeafHash(Data[(m + 1) % 9]), path, root), $"other leaf at {m} of {n}");
            Assert.False(AuditMerkle.VerifyInclusion(m, n, Data[m], path, root), $"unhashed leaf at {m} of {n}");
            Assert.False(AuditMerkle.VerifyInclusion(m, n, leaf, path, AuditMerkle.Root(LeafHashes[..(n - 1)])), $"another root at {m} of {n}");
            foreach (var other in Enumerable.Range(-1, n + 2).Where(i => i != m))
            {
                Assert.False(AuditMerkle.VerifyInclusion(other, n, leaf, path, root), $"leaf {m} of {n} claimed at index {other}");
            }

            foreach (var size in Enumerable.Range(0, 12).Where(s => s != n))
            {
                var thatRoot = AuditMerkle.Root(Enumerable.Range(0, size).Select(i => LeafHashes[i % 9]));
                Assert.False(AuditMerkle.VerifyInclusion(m, size, leaf, path, thatRoot), $"leaf {m} of {n} against a tree of {size}");
            }

            if (path.Count > 0)
            {
                var changed = path.ToList();
                changed[^1] = AuditMerkle.NodeHash(changed[^1], changed[^1]);
                Assert.False(AuditMerkle.VerifyInclusion(m, n, leaf, changed, root), $"changed path of {m} of {n}");
                Assert.False(AuditMerkle.VerifyInclusion(m, n, leaf, path.Take(path.Count - 1).ToList(), root), $"shortened path of {m} of {n}");
            }

            Assert.False(AuditMerkle.VerifyInclusion(m, n, leaf, [.. path, LeafHashes[0]], root), $"lengthened path of {m} of {n}");
        }
    }

    [Fact]
    public void Too_few_leaves_give_no_proof()
    {
        Assert.Null(AuditMerkle.InclusionProof(LeafHashes[..4], 1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => AuditMerkle.InclusionProof(LeafHashes, 5, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => AuditMerkle.PathRanges(0, 0));
    }

    [Fact]
    public void An_entrys_leaf_is_its_canonical_text()
    {
        var draft = new AuditDraft(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), "provider", "260950567", null,
            "POST /api/v1/cases", "/api/v1/cases", "req-1", 201, new string('a', 64));
        var entry = AuditChain.Link(0, AuditChain.Genesis, [draft])[0];

        Assert.Equal(Rfc9162.Hash([0x00], Encoding.UTF8.GetBytes(AuditChain.Canonical(1, draft))), AuditMerkle.LeafHash(entry));
    }
}
