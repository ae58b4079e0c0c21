using System.Security.Cryptography;

namespace GenomDE.Orleans.Grains.Audit;

/// <summary>Section <c>Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>The checkpoint signing key: an ECDSA P-256 private key as PEM (PKCS#8). Without one
    /// each silo generates a key at start (fine for the embedded default; production configures
    /// one, and participants keep its public key).</summary>
    public string? SigningKey { get; set; }

    /// <summary>How often a checkpoint is signed when entries were appended since the last.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>The silo's checkpoint key (one per process).</summary>
public sealed class AuditSigner : IDisposable
{
    public AuditSigner(Microsoft.Extensions.Options.IOptions<AuditOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        if (options.Value.SigningKey is { Length: > 0 } pem)
        {
            Key.ImportFromPem(pem);
        }
    }

    public ECDsa Key { get; }

    public void Dispose() => Key.Dispose();
}
