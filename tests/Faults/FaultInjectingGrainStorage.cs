using System.Text.Json;
using Npgsql;
using Orleans.Storage;

namespace GenomDE.Orleans.Tests.Faults;

/// <summary>Wraps the platform's grain storage (Orleans' ADO.NET provider in PostgreSQL mode) and
/// fails writes the way the database would: an <see cref="NpgsqlException"/> before the statement
/// ran, or after it committed (the connection died before the answer came back: the row is
/// stored but the grain keeps its old ETag, so its next write meets an ETag conflict). Reads and
/// clears pass through. It forwards the silo lifecycle to the inner provider, whose initialisation
/// (reading its queries from OrleansQuery) runs there.</summary>
public sealed class FaultInjectingGrainStorage(IGrainStorage inner, FaultController faults) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle)
    {
        if (inner is ILifecycleParticipant<ISiloLifecycle> participant)
        {
            participant.Participate(lifecycle);
        }
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await inner.ReadStateAsync(stateName, grainId, grainState);
        if (faults.LastProbeOf(grainId) is { } probe && probe.IsProbing(grainState) && !probe.ReloadedInPlace)
        {
            // Still inside the failing activation's turn (its reload after the failed write), so no
            // other call has run on it and no other activation of the grain exists yet: compare its
            // own state object with storage now. For a write made as an effect this is the only
            // moment to look, since no participant sees a failed attempt and the retry timer moves
            // storage on soon.
            probe.ReloadedInPlace = true;
            probe.AtReload = (probe.Live(), await probe.Stored());
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var grainType = grainId.Type.ToString()!;
        var (fault, latency) = faults.DecideWrite(grainType);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency);
        }

        if (fault is null)
        {
            await inner.WriteStateAsync(stateName, grainId, grainState);
            return;
        }

        var probe = Probe(stateName, grainId, grainState);
        if (fault == WritePhase.BeforeCommit)
        {
            faults.Record(new InjectedFault(FaultKind.WriteBeforeCommit, grainType, grainId, stateName, probe));
            throw new NpgsqlException($"Injected fault: the write of {stateName} for {grainId} failed before reaching the database.");
        }

        // Unknown outcome: committed, but the answer (the new ETag) never reaches the grain.
        var (etag, existed) = (grainState.ETag, grainState.RecordExists);
        await inner.WriteStateAsync(stateName, grainId, grainState);
        (grainState.ETag, grainState.RecordExists) = (etag, existed);
        faults.Record(new InjectedFault(FaultKind.WriteAfterCommit, grainType, grainId, stateName, probe));
        throw new NpgsqlException($"Injected fault: the connection broke after the write of {stateName} for {grainId} committed.");
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);

    private StateProbe Probe<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        new(grainState,
            () => new StateSnapshot(JsonSerializer.Serialize(grainState.State, StateProbe.Json), grainState.ETag, grainState.RecordExists),
            async () =>
            {
                var fresh = new GrainState<T>();
                await inner.ReadStateAsync(stateName, grainId, fresh);
                return new StateSnapshot(JsonSerializer.Serialize(fresh.State, StateProbe.Json), fresh.ETag, fresh.RecordExists);
            });
}
