using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.Grains.Common;

namespace GenomDE.Orleans.Grains.Cases;

[GenerateSerializer, Alias("genomde.submission-document-state")]
public sealed class SubmissionDocumentState
{
    [Id(0)]
    public string? Json { get; set; }
}

[GrainType("submission-document")]
public sealed class SubmissionDocumentGrain(
    [PersistentState("submission-document", StorageNames.Platform)] IPersistentState<SubmissionDocumentState> state)
    : Grain, ISubmissionDocumentGrain
{
    public Task Keep(string json) =>
        state.UpdateAsync(document =>
        {
            if (document.Json == json)
            {
                return false;
            }

            document.Json = json;
            return true;
        });

    public Task<string?> Get() => Task.FromResult(state.State.Json);

    public async Task Drop()
    {
        if (state.State.Json is not null)
        {
            await state.ClearStateAsync();
            DeactivateOnIdle(); // read once or twice in its life: no reason to stay in memory
        }
    }
}
