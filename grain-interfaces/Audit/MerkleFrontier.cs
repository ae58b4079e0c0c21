using System.Security.Cryptography;

namespace GenomDE.Orleans.GrainInterfaces.Audit;

/// <summary>The Merkle tree head (RFC 9162 §2.1.1) of a growing list of leaves, kept in O(log n)
/// memory: the roots of the perfect subtrees the leaves form so far, largest (leftmost) first, one
/// per set bit of <see cref="Size"/>. Folding them from the right gives exactly the RFC's MTH, whose
/// split at the largest power of two below n makes the left part the largest perfect subtree. Lets
/// the audit grain keep the root of the whole log current per append, and verification take the
/// root at every checkpoint in one pass.</summary>
public sealed class MerkleFrontier
{
    private readonly List<byte[]> _subtrees = [];

    /// <summary>How many leaves were added.</summary>
    public long Size { get; private set; }

    public void Add(byte[] leafHash)
    {
        ArgumentNullException.ThrowIfNull(leafHash);
        _subtrees.Add(leafHash);
        Size++;

        // Two subtrees of equal size merge: as many times as the new size has trailing zero bits.
        for (var size = Size; (size & 1) == 0; size >>= 1)
        {
            var right = _subtrees[^1];
            var left = _subtrees[^2];
            _subtrees.RemoveRange(_subtrees.Count - 2, 2);
            _subtrees.Add(AuditMerkle.NodeHash(left, right));
        }
    }

    /// <summary>MTH over the leaves added so far; of no leaves, SHA-256 of nothing (RFC 9162).</summary>
    public byte[] Root()
    {
        if (_subtrees.Count == 0)
        {
            return SHA256.HashData(ReadOnlySpan<byte>.Empty);
        }

        var root = _subtrees[^1];
        for (var i = _subtrees.Count - 2; i >= 0; i--)
        {
            root = AuditMerkle.NodeHash(_subtrees[i], root);
        }

        return root;
    }
}
