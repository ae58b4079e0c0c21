using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.Grains.Common;

namespace GenomDE.Orleans.Grains.Cases;

[GenerateSerializer, Alias("genomde.submission-locator-state")]
public sealed class SubmissionLocatorState
{
    [Id(0)]
    public string? CaseKey { get; set; }
}

// Bound once, then read on each of the node's steps for this TAN, which come minutes or days apart.
[GrainType("submission-locator"), CollectionAgeLimit(Minutes = 2)]
public sealed class SubmissionLocatorGrain(
    [PersistentState("submission-locator", StorageNames.Platform)] IPersistentState<SubmissionLocatorState> state)
    : Grain, ISubmissionLocatorGrain
{
    public async Task<bool> Bind(string caseKey)
    {
        await state.UpdateAsync(locator =>
        {
            if (locator.CaseKey is not null)
            {
                return false;
            }

            locator.CaseKey = caseKey;
            return true;
        });
        return state.State.CaseKey == caseKey;
    }

    public Task<string?> Find() => Task.FromResult(state.State.CaseKey);
}
