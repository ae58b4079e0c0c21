using GenomDE.Orleans.Grains.Common;

namespace GenomDE.Orleans.Bench;

/// <summary>The storage probe's grain: one call = one state change = one <c>WriteStateAsync</c>, no
/// other logic, so the probe measures Orleans' grain storage path and nothing of the platform.</summary>
public interface IStateWriterGrain : IGrainWithStringKey
{
    /// <summary>Activates the grain (which reads its state) without writing.</summary>
    Task Touch();

    Task Write(int n);
}

/// <summary>A state shaped like the platform's (a list of small JSON objects), sized by
/// <see cref="ProbeShape"/> to the roof's payload.</summary>
[GenerateSerializer]
[Alias("bench-state")]
public sealed class ProbeState
{
    [Id(0)]
    public List<ProbeEvent> History { get; set; } = [];
}

[GenerateSerializer]
[Alias("bench-event")]
public sealed record ProbeEvent([property: Id(0)] DateTimeOffset At, [property: Id(1)] string What, [property: Id(2)] string By);

/// <summary>How many events make a state of the requested serialized size (computed once by the probe).</summary>
public sealed record ProbeShape(int Events);

[GrainType("bench-state-writer")]
internal sealed class StateWriterGrain(
    [PersistentState("bench-state-writer", StorageNames.Platform)] IPersistentState<ProbeState> state,
    ProbeShape shape) : Grain, IStateWriterGrain
{
    public Task Touch() => Task.CompletedTask;

    public Task Write(int n)
    {
        var history = state.State.History;
        if (history.Count == 0)
        {
            history.AddRange(StorageProbe.Events(shape.Events));
        }

        // Change one event per write (a real state change of constant size), then persist the whole state.
        history[(int)((uint)n % (uint)history.Count)] = StorageProbe.Event(n);
        return state.WriteStateAsync();
    }
}
