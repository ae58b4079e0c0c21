namespace GenomDE.Orleans.Silo.Hosting;

/// <summary>Section <c>Platform</c>: what this silo process does besides being a silo.</summary>
public sealed class PlatformOptions
{
    public const string Section = "Platform";

    /// <summary>Serve the REST API, docs and dashboard from the silo process (the embedded default).
    /// Off when the API runs as its own client process in front of the cluster.</summary>
    public bool HostApi { get; set; } = true;

    /// <summary>Register the seed document's nodes and the example providers and payers at start-up.
    /// Idempotent; on by default in embedded mode.</summary>
    public bool? Seed { get; set; }
}
