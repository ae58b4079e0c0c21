using GenomDE.Orleans.GrainInterfaces.Tokens;
using GenomDE.Orleans.Grains.Common;

namespace GenomDE.Orleans.Grains.Tokens;

[GenerateSerializer, Alias("genomde.provider-token-days-state")]
public sealed class ProviderTokenDaysState
{
    /// <summary>Ascending. At most one entry per calendar day: a few kilobytes per LE and decade.</summary>
    [Id(0)]
    public List<DateOnly> Days { get; set; } = [];
}

[GrainType("provider-token-days")]
public sealed class ProviderTokenDaysGrain(
    [PersistentState("provider-token-days", StorageNames.Platform)] IPersistentState<ProviderTokenDaysState> state)
    : Grain, IProviderTokenDaysGrain
{
    public Task Add(DateOnly serviceDate) =>
        state.UpdateAsync(s =>
        {
            var at = s.Days.BinarySearch(serviceDate);
            if (at >= 0)
            {
                return false;
            }

            s.Days.Insert(~at, serviceDate);
            return true;
        });

    public Task<IReadOnlyList<DateOnly>> Days() => Task.FromResult<IReadOnlyList<DateOnly>>([.. state.State.Days]);
}
