namespace GenomDE.Orleans.Tests.Faults;

/// <summary>When an injected storage write failure strikes: before the row reaches the database
/// (nothing stored) or after it was committed (stored, but the grain never learns it: unknown outcome).</summary>
public enum WritePhase
{
    BeforeCommit,
    AfterCommit,
}

/// <summary>What the silos' fault injection does, set at runtime by a test. Immutable, so a silo
/// always decides on one consistent plan while the test replaces it.</summary>
/// <param name="GrainTypes">Grain types whose state writes may fail (e.g. "case"); null = every type.</param>
/// <param name="FailNthWrite">Fail exactly the Nth matching write after arming (1 = the next one).</param>
/// <param name="NthPhase">Where the Nth write fails.</param>
/// <param name="BeforeCommitShare">Share of matching writes that fail before reaching the database.</param>
/// <param name="AfterCommitShare">Share of matching writes that fail after the database committed them.</param>
/// <param name="WriteLatency">Added to every matching write (slow database).</param>
/// <param name="TimeoutShare">Share of grain-to-grain calls to <paramref name="TimeoutCallees"/> that end in a TimeoutException.</param>
/// <param name="TimeoutCallees">Callee grain types whose calls may time out; null = every platform grain type.</param>
/// <param name="Seed">Seed of the silo's random source, so a failing chaos run can be repeated.</param>
/// <param name="TimeoutNthCall">Time out exactly the Nth grain-to-grain call to <paramref name="TimeoutCallees"/> after arming.</param>
/// <param name="NthCallDelivered">Whether that Nth call reaches the callee before it times out (answer lost) or not.</param>
public sealed record FaultPlan(
    IReadOnlySet<string>? GrainTypes = null,
    int? FailNthWrite = null,
    WritePhase NthPhase = WritePhase.BeforeCommit,
    double BeforeCommitShare = 0,
    double AfterCommitShare = 0,
    TimeSpan WriteLatency = default,
    double TimeoutShare = 0,
    IReadOnlySet<string>? TimeoutCallees = null,
    int Seed = 11,
    int? TimeoutNthCall = null,
    bool NthCallDelivered = false)
{
    /// <summary>Counts matching writes for <see cref="FailNthWrite"/> across all silos armed with this
    /// plan (they share the instance: in-process silos), so "the Nth write" means the Nth in the
    /// cluster, not the Nth on each silo (a retry re-activating the grain on the other silo must not
    /// meet a second "first" write).</summary>
    public WriteCounter Writes { get; init; } = new();

    /// <summary>The same for <see cref="TimeoutNthCall"/>.</summary>
    public WriteCounter Calls { get; init; } = new();

    /// <summary>No faults: every write and call passes through untouched.</summary>
    public static readonly FaultPlan None = new();

    /// <summary>The next write of <paramref name="grainType"/> fails in <paramref name="phase"/>, nothing else.</summary>
    public static FaultPlan NextWriteOf(string grainType, WritePhase phase) =>
        new(GrainTypes: new HashSet<string>(StringComparer.Ordinal) { grainType }, FailNthWrite: 1, NthPhase: phase);

    /// <summary>The next grain-to-grain call to <paramref name="callee"/> times out, nothing else.</summary>
    public static FaultPlan NextCallTo(string callee, bool delivered) =>
        new(TimeoutCallees: new HashSet<string>(StringComparer.Ordinal) { callee }, TimeoutNthCall: 1, NthCallDelivered: delivered);

    public bool MatchesWrite(string grainType) => GrainTypes is null || GrainTypes.Contains(grainType);

    public bool MatchesCallee(string grainType) =>
        TimeoutCallees?.Contains(grainType) ?? PlatformGrainTypes.All.Contains(grainType);
}

/// <summary>A count (of writes or calls) shared by the silos of one test cluster.</summary>
public sealed class WriteCounter
{
    private int _count;

    public int Next() => Interlocked.Increment(ref _count);
}
