using GenomDE.Orleans.GrainInterfaces.Tokens;
using GenomDE.Orleans.Grains.Common;

namespace GenomDE.Orleans.Grains.Tokens;

[GenerateSerializer, Alias("genomde.provider-tokens-state")]
public sealed class ProviderTokensState
{
    [Id(0)]
    public List<string> Codes { get; set; } = [];
}

[GrainType("provider-tokens")]
public sealed class ProviderTokensGrain(
    [PersistentState("provider-tokens", StorageNames.Platform)] IPersistentState<ProviderTokensState> state)
    : Grain, IProviderTokensGrain
{
    public Task Add(string code) =>
        state.UpdateAsync(s =>
        {
            if (s.Codes.Contains(code))
            {
                return false;
            }

            s.Codes.Add(code);
            return true;
        });

    public Task<IReadOnlyList<string>> Codes() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Codes]);
}
