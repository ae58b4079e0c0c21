using System.Text;
using Orleans.Storage;

namespace GenomDE.Orleans.Persistence.Storage;

/// <summary>The columns that identify a grain's state row (schema 003), computed the way Orleans'
/// ADO.NET provider computes its parameters: its reads must find the rows our batched writes make,
/// and our writes must find the rows it made before. Integer and Guid keys fill n0/n1 and keep a key
/// extension; string keys are the extension. The id hash is Orleans' default storage hash over the
/// key's bytes (little-endian numbers, then UTF-8 extension, the whole reversed); the type hash
/// over the state name's UTF-8 bytes.</summary>
public readonly record struct GrainStateIdentity(int IdHash, int TypeHash, long N0, long N1, string StateName, string? Extension)
{
    private static readonly OrleansDefaultHasher Hasher = new();

    public static GrainStateIdentity Of(string stateName, GrainId grainId)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        if (stateName.Contains('`', StringComparison.Ordinal))
        {
            // The provider rewrites generic type names; platform state names are plain words.
            throw new ArgumentException($"Generic state names are not supported by the batched write path: {stateName}.", nameof(stateName));
        }

        long n0 = 0, n1 = 0;
        string? extension;
        byte[]? keyBytes = null;
        if (grainId.TryGetGuidKey(out var guid, out extension))
        {
            keyBytes = guid.ToByteArray();
            n0 = BitConverter.ToInt64(keyBytes, 0);
            n1 = BitConverter.ToInt64(keyBytes, 8);
        }
        else if (grainId.TryGetIntegerKey(out var integer, out extension))
        {
            n1 = integer;
            keyBytes = BitConverter.GetBytes(integer);
        }
        else
        {
            extension = grainId.Key.ToString();
        }

        var hashBytes = keyBytes is null
            ? Encoding.UTF8.GetBytes(extension!)
            : extension is null ? keyBytes : [.. keyBytes, .. Encoding.UTF8.GetBytes(extension)];
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(hashBytes);
        }

        return new GrainStateIdentity(Hasher.Hash(hashBytes), Hasher.Hash(Encoding.UTF8.GetBytes(stateName)), n0, n1, stateName, extension);
    }
}
