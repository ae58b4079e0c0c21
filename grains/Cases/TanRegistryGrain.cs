using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.Grains.Common;

namespace GenomDE.Orleans.Grains.Cases;

[GenerateSerializer, Alias("genomde.tan-registry-state")]
public sealed class TanRegistryState
{
    /// <summary>TAN (lower-case hex) → the case that used it.</summary>
    [Id(0)]
    public Dictionary<string, string> Tans { get; set; } = [];
}

[GrainType("tan-registry")]
public sealed class TanRegistryGrain(
    [PersistentState("tan-registry", StorageNames.Platform)] IPersistentState<TanRegistryState> state)
    : Grain, ITanRegistryGrain
{
    public async Task<bool> Claim(string tan, string caseKey)
    {
        await state.UpdateAsync(registry => registry.Tans.TryAdd(tan, caseKey));
        return state.State.Tans[tan] == caseKey;
    }
}
