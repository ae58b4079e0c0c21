using System.Data.Common;
using GenomDE.Orleans.GrainInterfaces.Common;
using Microsoft.Extensions.Logging;

namespace GenomDE.Orleans.Grains.Common;

/// <summary>Every grain call that fails on storage leaves the grain as
/// <see cref="StorageUnavailableException"/> (a database error elsewhere, e.g. reading state at
/// activation or a reminder write, is converted here) and ends its activation: the next call
/// activates afresh from what storage holds, never from memory that may not have been stored.</summary>
public sealed class StorageFaultFilter(ILogger<StorageFaultFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception failure) when (IsStorageFault(failure))
        {
            logger.LogWarning(failure, "Storage failure in {Grain}.{Method}; deactivating the activation", context.TargetId, context.MethodName);
            context.TargetContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, failure, "storage failure: unsaved state dropped"));
            if (failure is StorageUnavailableException)
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
