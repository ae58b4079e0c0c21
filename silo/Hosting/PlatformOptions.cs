namespace GenomDE.Orleans.Silo.Hosting;

/// <summary>Section <c>Platform</c>: what this silo process does besides being a silo.</summary>
public sealed class PlatformOptions
{
    public const string Section = "Platform";

    /// <summary>Serve the REST API, docs and dashboard from the silo process (the embedded default).
    /// Off when the API runs as its own client process in front of the cluster.</summary>
    public bool HostApi { get; set; } = true;

    /// <summary>Chosen, never inferred: <c>embedded</c> (the default: in-memory state, the
    /// platform's own issuer, loopback) or <c>durable</c> (PostgreSQL and an external issuer).</summary>
    public PlatformMode Mode { get; set; } = PlatformMode.Embedded;

    /// <summary>Durable mode with the embedded issuer instead of an external one: for benchmarks and
    /// tests on one machine only (printed as a warning at start).</summary>
    public bool AllowEmbeddedIssuer { get; set; }

    /// <summary>Register the seed document's nodes and the example providers and payers at start-up.
    /// Idempotent; on by default in embedded mode.</summary>
    public bool? Seed { get; set; }
}

/// <summary>How the platform keeps its state and who issues its identities.</summary>
public enum PlatformMode
{
    Embedded,
    Durable,
}
