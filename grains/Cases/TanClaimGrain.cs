using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.Grains.Common;

namespace GenomDE.Orleans.Grains.Cases;

[GenerateSerializer, Alias("genomde.tan-claim-state")]
public sealed class TanClaimState
{
    /// <summary>The case that used the TAN; null while free.</summary>
    [Id(0)]
    public string? CaseKey { get; set; }
}

// Claimed once per submission, asked again only on a duplicate: no reason to stay.
[GrainType("tan-claim"), CollectionAgeLimit(Minutes = 2)]
public sealed class TanClaimGrain(
    [PersistentState("tan-claim", StorageNames.Platform)] IPersistentState<TanClaimState> state)
    : Grain, ITanClaimGrain
{
    public async Task<bool> Claim(string caseKey)
    {
        await state.UpdateAsync(claim =>
        {
            if (claim.CaseKey is not null)
            {
                return false;
            }

            claim.CaseKey = caseKey;
            return true;
        });
        return state.State.CaseKey == caseKey;
    }
}
