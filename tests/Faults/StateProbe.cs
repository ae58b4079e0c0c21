using System.Text.Json;
using GenomDE.Orleans.Silo.Hosting;

namespace GenomDE.Orleans.Tests.Faults;

/// <summary>Reads the activation's in-memory state (the object it wrote from) and the stored state
/// (a fresh read past the fault injection) as JSON in the storage's own format, so the two can be
/// compared whatever the grain type.</summary>
public sealed class StateProbe(object activationState, Func<StateSnapshot> live, Func<Task<StateSnapshot>> stored)
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    /// <summary>Set when the activation re-read its state into the same object after the fault:
    /// proof that <see cref="Live"/> looks at the activation's own memory, not at a copy.</summary>
    public bool ReloadedInPlace { get; set; }

    /// <summary>The activation's state and the stored state, read the moment the activation re-read
    /// its state after the failed write (in the storage, within the activation's turn).</summary>
    public (StateSnapshot Live, StateSnapshot Stored)? AtReload { get; set; }

    public StateSnapshot Live() => live();

    /// <summary>True when <paramref name="grainState"/> is the activation state object this probe watches.</summary>
    public bool IsProbing(object grainState) => ReferenceEquals(grainState, activationState);

    public Task<StateSnapshot> Stored() => stored();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions();
        SiloConfiguration.ConfigureStorageJson(options);
        return options;
    }
}

/// <summary>A state as JSON with its ETag.</summary>
public sealed record StateSnapshot(string Json, string? ETag, bool RecordExists);
