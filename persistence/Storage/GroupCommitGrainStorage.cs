using System.Globalization;
using Orleans.Storage;

namespace GenomDE.Orleans.Persistence.Storage;

/// <summary>The platform's grain storage on PostgreSQL: Orleans' ADO.NET provider reads and clears
/// (our SQL, schema 003), while writes go through <see cref="PostgresGroupCommit"/>, many grains' writes
/// per statement and commit. Same table, same row identity, same ETag rules, same serializer, so
/// rows move freely between both paths and a stale write still raises
/// <see cref="InconsistentStateException"/>.</summary>
public sealed class GroupCommitGrainStorage(AdoNetGrainStorage inner, PostgresGroupCommit groupCommit, string name)
    : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        inner.Participate(lifecycle);

        // After grains deactivated on shutdown (their last writes), before the runtime's storage goes.
        lifecycle.Subscribe($"{nameof(GroupCommitGrainStorage)}-{name}", ServiceLifecycleStage.ApplicationServices, groupCommit.StartAsync, groupCommit.StopAsync);
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var identity = GrainStateIdentity.Of(stateName, grainId);
        int? expected = string.IsNullOrWhiteSpace(grainState.ETag) ? null : int.Parse(grainState.ETag, CultureInfo.InvariantCulture);
        var payload = inner.Serializer.Serialize(grainState.State).ToArray();
        var version = await groupCommit.WriteStateAsync(identity, expected, payload).ConfigureAwait(false)
            ?? throw new InconsistentStateException(
                $"Version conflict (WriteState): ServiceId, provider {name}, state {stateName}, grain {grainId}, ETag {grainState.ETag ?? "none"}: the stored row has moved on.",
                storedEtag: null, currentEtag: grainState.ETag);
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }
}
