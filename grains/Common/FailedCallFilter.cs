using System.Data.Common;
using GenomDE.Orleans.GrainInterfaces.Common;
using Microsoft.Extensions.Logging;

namespace GenomDE.Orleans.Grains.Common;

/// <summary>A grain call that throws ends its activation: a command may have changed its state in
/// memory before it failed (a storage error, a callee that timed out), and the next call must see
/// only what storage holds. Rules travel as values (<c>Result</c>), so an exception here is always
/// a fault. A database error (e.g. reading state at activation, a reminder write) leaves the grain
/// as <see cref="StorageUnavailableException"/>, which the API answers with 503.</summary>
public sealed class FailedCallFilter(ILogger<FailedCallFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception failure)
        {
            logger.LogWarning(failure, "{Grain}.{Method} failed; deactivating the activation", context.TargetId, context.MethodName);
            // No exception in the reason: Orleans would answer the calls queued behind this one with it;
            // without one they are forwarded to a fresh activation that reads what storage holds.
            context.TargetContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "failed call: unsaved state dropped"));
            if (failure is StorageUnavailableException || !IsStorageFault(failure))
            {
                throw;
            }

            throw new StorageUnavailableException("The platform's database is unavailable. Retry with the same Idempotency-Key.", failure);
        }
    }

    /// <summary>Ours, or a database error (Npgsql's derive from <see cref="DbException"/>) anywhere in the chain.</summary>
    public static bool IsStorageFault(Exception failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is StorageUnavailableException or DbException)
            {
                return true;
            }
        }

        return false;
    }
}
