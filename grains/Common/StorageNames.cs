namespace GenomDE.Orleans.Grains.Common;

/// <summary>Names of the grain storage providers the silo must configure.</summary>
public static class StorageNames
{
    /// <summary>Durable grain state of the platform (cases, nodes, tokens, registries).</summary>
    public const string Platform = "genomde";
}
