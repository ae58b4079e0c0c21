using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;

namespace GenomDE.Orleans.Persistence.Storage;

/// <summary>Puts the batched write path in front of an ADO.NET grain storage already registered
/// under <c>name</c> (by <c>AddAdoNetGrainStorage</c>): the inner provider is still built by its own
/// factory, with its options and lifecycle, and serves reads and clears. The silo's one
/// <see cref="PostgresGroupCommit"/> is a singleton, so the event log and the audit trail can join
/// the same commits.</summary>
public static class GroupCommitRegistration
{
    public static void AddGroupCommit(IServiceCollection services, string name, string connectionString)
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, name))
            ?? throw new InvalidOperationException($"No grain storage named '{name}' to batch the writes of.");
        if (original.KeyedImplementationFactory is not { } factory)
        {
            throw new InvalidOperationException($"The grain storage '{name}' is not registered by a factory.");
        }

        services.Remove(original);
        services.AddSingleton(provider => new PostgresGroupCommit(
            connectionString,
            provider.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            provider.GetRequiredService<IOptions<GroupCommitOptions>>().Value));
        services.AddKeyedSingleton<IGrainStorage>(name, (provider, key) =>
        {
            var inner = (AdoNetGrainStorage)factory(provider, key);
            var options = provider.GetRequiredService<IOptions<GroupCommitOptions>>().Value;
            return options.Enabled
                ? new GroupCommitGrainStorage(inner, provider.GetRequiredService<PostgresGroupCommit>(), name)
                : inner;
        });
    }

    /// <summary>The silo's group commit for other writers (event log, audit trail), or null when it is
    /// off or the silo has no PostgreSQL storage.</summary>
    public static PostgresGroupCommit? Shared(IServiceProvider services) =>
        services.GetService<IOptions<GroupCommitOptions>>()?.Value.Enabled == true ? services.GetService<PostgresGroupCommit>() : null;
}
