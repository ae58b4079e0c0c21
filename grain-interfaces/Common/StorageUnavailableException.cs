namespace GenomDE.Orleans.GrainInterfaces.Common;

/// <summary>The grain could not read or write its durable state (database down, connection
/// reset, timeout). The activation has dropped whatever it had not stored, so a retry with the same
/// Idempotency-Key is safe: it either finds the stored answer or decides again on stored state.
/// The API answers 503 <c>storage_unavailable</c>.</summary>
[GenerateSerializer, Alias("genomde.storage-unavailable")]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
