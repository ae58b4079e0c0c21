using Orleans.Serialization;

namespace GenomDE.Orleans.ClientApi;

/// <summary>Lets Npgsql's exceptions cross the wire between silos and clients. Orleans serialises
/// only exceptions from allowed namespaces (System, Microsoft, Orleans); an Npgsql exception in a
/// grain's answer (the inner exception of StorageUnavailableException, or the failed state read of
/// an activation, or a failed reminder write) otherwise turns into CodecNotFoundException at the
/// caller, which the API could only answer with 500. Found by tests/Faults (issue 11).</summary>
public static class DatabaseExceptions
{
    public static void AllowOnTheWire(IServiceCollection services) =>
        services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));
}
