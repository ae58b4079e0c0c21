using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.GrainInterfaces.Participants;
using GenomDE.Orleans.Grains.Common;

namespace GenomDE.Orleans.Grains.Participants;

[GrainType("provider-directory")]
public sealed class ProviderDirectoryGrain(
    [PersistentState("provider-directory", StorageNames.Platform)] IPersistentState<DirectoryState<ProviderView>> state)
    : Grain, IProviderDirectoryGrain
{
    public Task Upsert(ProviderView provider) =>
        state.UpdateAsync(directory => DirectoryUpdates.Put(directory.Entries, provider.Ik, provider, provider.UpdatedAt, p => p.UpdatedAt));

    public Task<IReadOnlyList<ProviderView>> List() =>
        Task.FromResult<IReadOnlyList<ProviderView>>([.. state.State.Entries.Values.OrderBy(p => p.Ik, StringComparer.Ordinal)]);
}

[GrainType("payer-directory")]
public sealed class PayerDirectoryGrain(
    [PersistentState("payer-directory", StorageNames.Platform)] IPersistentState<DirectoryState<PayerView>> state)
    : Grain, IPayerDirectoryGrain
{
    public Task Upsert(PayerView payer) =>
        state.UpdateAsync(directory => DirectoryUpdates.Put(directory.Entries, payer.Ik, payer, payer.UpdatedAt, p => p.UpdatedAt));

    public Task<IReadOnlyList<PayerView>> List() =>
        Task.FromResult<IReadOnlyList<PayerView>>([.. state.State.Entries.Values.OrderBy(p => p.Ik, StringComparer.Ordinal)]);
}

internal static class DirectoryUpdates
{
    /// <summary>Stores <paramref name="entry"/> unless the directory already holds it or a newer one.</summary>
    public static bool Put<T>(Dictionary<string, T> entries, string key, T entry, DateTimeOffset updatedAt, Func<T, DateTimeOffset> updatedAtOf)
    {
        if (entries.TryGetValue(key, out var known) && (Equals(known, entry) || updatedAtOf(known) > updatedAt))
        {
            return false;
        }

        entries[key] = entry;
        return true;
    }
}
