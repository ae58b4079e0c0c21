using System.Security.Cryptography;

namespace GenomDE.Orleans.Tests.Audit;

/// <summary>RFC 9162 §2.1's definitions written out literally, recursion for recursion, over raw
/// leaf data: the reference the tests hold AuditMerkle's one-pass code against, and what a
/// participant without our library would write to check a proof.</summary>
internal static class Rfc9162
{
    public static byte[] Hash(params byte[][] parts) => SHA256.HashData([.. parts.SelectMany(p => p)]);

    /// <summary>MTH(D[n]).</summary>
    public static byte[] Mth(IReadOnlyList<byte[]> d) => d.Count switch
    {
        0 => Hash(),
        1 => Hash([0x00], d[0]),
        var n => Hash([0x01], Mth(d.Take(K(n)).ToList()), Mth(d.Skip(K(n)).ToList())),
    };

    /// <summary>PATH(m, D[n]), nearest sibling first.</summary>
    public static List<byte[]> Path(int m, IReadOnlyList<byte[]> d)
    {
        if (d.Count == 1)
        {
            return [];
        }

        var k = K(d.Count);
        return m < k
            ? [.. Path(m, d.Take(k).ToList()), Mth(d.Skip(k).ToList())]
            : [.. Path(m - k, d.Skip(k).ToList()), Mth(d.Take(k).ToList())];
    }

    /// <summary>The root a path leads to, by undoing PATH's recursion (not §2.1.3.2's bit arithmetic):
    /// the last hash is the sibling at the top split, on the side m is not. Null when the path has
    /// the wrong length for the tree.</summary>
    public static byte[]? RootFromPath(byte[] leafHash, int m, int n, IReadOnlyList<byte[]> path)
    {
        if (m < 0 || m >= n)
        {
            return null;
        }

        if (n == 1)
        {
            return path.Count == 0 ? leafHash : null;
        }

        if (path.Count == 0)
        {
            return null;
        }

        var (k, top, rest) = (K(n), path[^1], path.Take(path.Count - 1).ToList());
        return m < k
            ? RootFromPath(leafHash, m, k, rest) is { } left ? Hash([0x01], left, top) : null
            : RootFromPath(leafHash, m - k, n - k, rest) is { } right ? Hash([0x01], top, right) : null;
    }

    /// <summary>The largest power of two smaller than n, found by doubling.</summary>
    public static int K(int n)
    {
        var k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }

        return k;
    }
}
