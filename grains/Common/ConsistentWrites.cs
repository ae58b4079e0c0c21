using Orleans.Storage;

namespace GenomDE.Orleans.Grains.Common;

/// <summary>The storage ETag is the real single-writer guard: during membership changes two
/// activations of one grain can briefly exist. A stale write must never overwrite the newer row;
/// instead the grain re-reads the stored truth and decides again.</summary>
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
            await state.ReadStateAsync();
            return false;
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
}
