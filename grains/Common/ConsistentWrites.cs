using GenomDE.Orleans.GrainInterfaces.Common;
using Orleans.Storage;

namespace GenomDE.Orleans.Grains.Common;

/// <summary>Every state write of every grain goes through here, so that an activation never serves
/// state it failed to store. Commands change <c>state.State</c> before writing; when the write fails
/// the activation reloads the stored truth before anything else can read its memory.
/// <list type="bullet">
/// <item>A stale ETag (a transient duplicate activation, or our own earlier write whose answer was
/// lost after it committed) reloads and returns false: the caller decides again on fresh state.</item>
/// <item>Any other storage failure reloads as well and throws <see cref="StorageUnavailableException"/>
/// (503 at the edge). <see cref="FailedCallFilter"/> then deactivates the activation, so even when
/// the reload failed too its unsaved memory is dropped before another call can see it.</item>
/// </list></summary>
public static class ConsistentWrites
{
    /// <summary>How often a command is re-decided on fresh state before giving up.</summary>
    public const int Attempts = 3;

    /// <summary>Writes the state; on a stale ETag reloads it from storage and returns false.</summary>
    public static async Task<bool> TryWriteAsync<T>(this IPersistentState<T> state)
    {
        try
        {
            await state.WriteStateAsync();
            return true;
        }
        catch (InconsistentStateException)
        {
            await ReloadAsync(state, null);
            return false;
        }
        catch (Exception failure) when (failure is not StorageUnavailableException)
        {
            await ReloadAsync(state, failure);
            throw new StorageUnavailableException($"Could not store the state of {typeof(T).Name}; nothing unsaved was kept. Retry with the same Idempotency-Key.", failure);
        }
    }

    /// <summary>Applies <paramref name="change"/> (which returns false when nothing needs writing)
    /// and writes, re-applying on fresh state after a conflict.</summary>
    public static async Task UpdateAsync<T>(this IPersistentState<T> state, Func<T, bool> change)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            if (!change(state.State) || await state.TryWriteAsync())
            {
                return;
            }
        }

        throw new InconsistentStateException($"State of {typeof(T).Name} kept changing underneath; gave up after {Attempts} attempts.");
    }

    /// <summary>Replaces the activation's state with the stored one. When that fails too, the
    /// activation holds state nobody stored; the call filter deactivates it on the way out.</summary>
    private static async Task ReloadAsync<T>(IPersistentState<T> state, Exception? cause)
    {
        try
        {
            await state.ReadStateAsync();
        }
        catch (Exception reloadFailure)
        {
            throw new StorageUnavailableException(
                $"Could not store or reload the state of {typeof(T).Name}; the activation is dropped. Retry with the same Idempotency-Key.",
                new AggregateException(cause is null ? [reloadFailure] : [cause, reloadFailure]));
        }
    }
}
