using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace GenomDE.Orleans.GrainInterfaces.Audit;

/// <summary>The Merkle tree over the audit log, as in Certificate Transparency (RFC 9162 §2.1):
/// leaf i is entry i + 1, and a leaf's bytes are the entry's canonical text (UTF-8 of
/// <see cref="AuditChain.Canonical"/>), not its chain hash: a participant proves an entry from its
/// own fields, without the hash of the entry before it. Checkpoints sign the root over their first
/// Seq entries, so one entry's inclusion is proven with about log2(n) hashes (the audit path)
/// instead of the whole chain.</summary>
public static class AuditMerkle
{
    private const byte LeafPrefix = 0x00;
    private const byte NodePrefix = 0x01;

    /// <summary>SHA-256(0x00 || leaf): the prefix keeps a leaf from ever passing for an inner node.</summary>
    public static byte[] LeafHash(ReadOnlySpan<byte> leaf)
    {
        var prefixed = new byte[leaf.Length + 1];
        prefixed[0] = LeafPrefix;
        leaf.CopyTo(prefixed.AsSpan(1));
        return SHA256.HashData(prefixed);
    }

    /// <summary>The leaf bytes of an entry: its canonical text (seq included, so a leaf cannot move).</summary>
    public static byte[] Leaf(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Encoding.UTF8.GetBytes(AuditChain.Canonical(entry.Seq, entry.Draft));
    }

    public static byte[] LeafHash(AuditEntry entry) => LeafHash(Leaf(entry));

    /// <summary>SHA-256(0x01 || left || right).</summary>
    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var prefixed = new byte[1 + left.Length + right.Length];
        prefixed[0] = NodePrefix;
        left.CopyTo(prefixed.AsSpan(1));
        right.CopyTo(prefixed.AsSpan(1 + left.Length));
        return SHA256.HashData(prefixed);
    }

    /// <summary>RFC 9162's split: the largest power of two smaller than <paramref name="n"/> (n ≥ 2).</summary>
    public static long Split(long n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2);
        return 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));
    }

    /// <summary>MTH over <paramref name="leafHashes"/> (already leaf-hashed), in order.</summary>
    public static byte[] Root(IEnumerable<byte[]> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        var frontier = new MerkleFrontier();
        foreach (var leaf in leafHashes)
        {
            frontier.Add(leaf);
        }

        return frontier.Root();
    }

    /// <summary>The leaf ranges [Start, End) whose subtree roots make up PATH(m, D[n]) (RFC 9162
    /// §2.1.3.1), in the path's order: the sibling nearest the leaf first, the root's other half last.</summary>
    public static IReadOnlyList<(long Start, long End)> PathRanges(long m, long n)
    {
        CheckIndex(m, n);
        var ranges = new List<(long Start, long End)>();
        var (start, size, index) = (0L, n, m);
        while (size > 1)
        {
            var k = Split(size);
            if (index < k)
            {
                ranges.Add((start + k, start + size)); // PATH(m, D[0:k]) : MTH(D[k:n])
                size = k;
            }
            else
            {
                ranges.Add((start, start + k)); // PATH(m - k, D[k:n]) : MTH(D[0:k])
                (start, size, index) = (start + k, size - k, index - k);
            }
        }

        ranges.Reverse(); // found from the root down; the path lists them from the leaf up
        return ranges;
    }

    /// <summary>The audit path of leaf <paramref name="m"/> in the tree of the first
    /// <paramref name="n"/> of <paramref name="leafHashes"/> (any further leaves are not read); null
    /// when the leaves end before <paramref name="n"/>.</summary>
    public static IReadOnlyList<byte[]>? InclusionProof(IEnumerable<byte[]> leafHashes, long m, long n)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        var path = new PathCollector(m, n);
        foreach (var leaf in leafHashes)
        {
            if (!path.Add(leaf))
            {
                break;
            }
        }

        return path.Path();
    }

    /// <summary>As <see cref="InclusionProof"/>, streaming: one pass, memory O(log n), so a proof
    /// in a long log does not hold every leaf at once.</summary>
    public static async Task<IReadOnlyList<byte[]>?> InclusionProofAsync(IAsyncEnumerable<byte[]> leafHashes, long m, long n, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        var path = new PathCollector(m, n);
        await foreach (var leaf in leafHashes.WithCancellation(cancellationToken))
        {
            if (!path.Add(leaf))
            {
                break;
            }
        }

        return path.Path();
    }

    /// <summary>The root that <paramref name="path"/> leads to from <paramref name="leafHash"/> at
    /// index <paramref name="m"/> of a tree of size <paramref name="n"/> (RFC 9162 §2.1.3.2); null
    /// when the path cannot belong to such a tree (wrong length, index not below size).</summary>
    public static byte[]? RootFromInclusionProof(long m, long n, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (m < 0 || m >= n)
        {
            return null;
        }

        var (fn, sn) = (m, n - 1);
        var r = leafHash.ToArray();
        foreach (var p in path)
        {
            if (sn == 0)
            {
                return null; // more hashes than the tree has levels above this leaf
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = NodeHash(p, r);
                // The last node of a level without a right sibling moves up unchanged until it is one.
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = NodeHash(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 ? r : null;
    }

    public static bool VerifyInclusion(long m, long n, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> path, ReadOnlySpan<byte> root) =>
        RootFromInclusionProof(m, n, leafHash, path) is { } computed && computed.AsSpan().SequenceEqual(root);

    /// <summary>The whole offline check of an answer of <c>GET /api/v1/audit/entries/{seq}/proof</c>:
    /// the checkpoint's signature holds, the leaf is the entry's canonical text and hashes to the
    /// leaf hash, index and size match entry and checkpoint, and the path leads to the signed root.</summary>
    public static bool ProofHolds(AuditProof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        var checkpoint = proof.Checkpoint;
        if (checkpoint.MerkleRoot is not { } root || !AuditChain.SignatureHolds(checkpoint)
            || proof.LeafIndex != proof.Entry.Seq - 1 || proof.TreeSize != checkpoint.Seq
            || proof.Leaf != AuditChain.Canonical(proof.Entry.Seq, proof.Entry.Draft))
        {
            return false;
        }

        try
        {
            var leafHash = LeafHash(Encoding.UTF8.GetBytes(proof.Leaf));
            return Hex(leafHash) == proof.LeafHash
                && VerifyInclusion(proof.LeafIndex, proof.TreeSize, leafHash, [.. proof.AuditPath.Select(Convert.FromHexString)], Convert.FromHexString(root));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Hashes as the API writes them: lowercase hex, like the chain's.</summary>
    public static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    private static void CheckIndex(long m, long n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(m, n);
    }

    /// <summary>Takes leaves in order and keeps the root of the path range it is in; each range's
    /// root is final at its last leaf.</summary>
    private sealed class PathCollector
    {
        private readonly long _size;
        private readonly (long Start, long End, int Position)[] _ranges;
        private readonly byte[][] _path;
        private MerkleFrontier _range = new();
        private int _current;
        private long _seen;

        public PathCollector(long m, long n)
        {
            var ranges = PathRanges(m, n);
            _size = n;
            _path = new byte[ranges.Count][];
            _ranges = [.. ranges.Select((r, position) => (r.Start, r.End, position)).OrderBy(r => r.Start)];
        }

        /// <summary>False once the tree's last leaf was taken.</summary>
        public bool Add(byte[] leafHash)
        {
            var index = _seen++;
            if (_current < _ranges.Length && index >= _ranges[_current].Start)
            {
                _range.Add(leafHash);
                if (index == _ranges[_current].End - 1)
                {
                    _path[_ranges[_current].Position] = _range.Root();
                    _range = new MerkleFrontier();
                    _current++;
                }
            }

            return _seen < _size;
        }

        public byte[][]? Path() => _seen == _size ? _path : null;
    }
}
