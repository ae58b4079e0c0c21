using GenomDE.Orleans.GrainInterfaces.Participants;
using GenomDE.Orleans.Grains.Common;

namespace GenomDE.Orleans.Grains.Participants;

[GrainType("provider-directory")]
public sealed class ProviderDirectoryGrain(
    [PersistentState("provider-directory", StorageNames.Platform)] IPersistentState<DirectoryState<ProviderView>> state)
    : Grain, IProviderDirectoryGrain
{
    public async Task Upsert(ProviderView provider)
    {
        state.State.Entries[provider.Ik] = provider;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<ProviderView>> List() =>
        Task.FromResult<IReadOnlyList<ProviderView>>([.. state.State.Entries.Values.OrderBy(p => p.Ik, StringComparer.Ordinal)]);
}

[GrainType("payer-directory")]
public sealed class PayerDirectoryGrain(
    [PersistentState("payer-directory", StorageNames.Platform)] IPersistentState<DirectoryState<PayerView>> state)
    : Grain, IPayerDirectoryGrain
{
    public async Task Upsert(PayerView payer)
    {
        state.State.Entries[payer.Ik] = payer;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<PayerView>> List() =>
        Task.FromResult<IReadOnlyList<PayerView>>([.. state.State.Entries.Values.OrderBy(p => p.Ik, StringComparer.Ordinal)]);
}
