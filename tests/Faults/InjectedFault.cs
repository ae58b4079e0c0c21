namespace GenomDE.Orleans.Tests.Faults;

/// <summary>What kind of fault a silo injected.</summary>
public enum FaultKind
{
    WriteBeforeCommit,
    WriteAfterCommit,
    CallTimeout,
    CallTimeoutAfterDelivery,
}

/// <summary>One fault a silo injected, with a probe into the very state object of the activation
/// that met it (the storage receives the activation's own <c>IGrainState</c>), so a test can compare
/// what the activation holds with what storage holds.</summary>
public sealed class InjectedFault(FaultKind kind, string grainType, GrainId grainId, string detail, StateProbe? probe)
{
    public FaultKind Kind { get; } = kind;

    public string GrainType { get; } = grainType;

    public GrainId GrainId { get; } = grainId;

    /// <summary>The state name, or for a call the interface method.</summary>
    public string Detail { get; } = detail;

    /// <summary>Null for call faults.</summary>
    public StateProbe? Probe { get; } = probe;

    public override string ToString() => $"{Kind} {GrainId} {Detail}";
}
