using GenomDE.Orleans.Grains.Audit;
using GenomDE.Orleans.Persistence.Storage;
using GenomDE.Orleans.Silo.Audit;
using Npgsql;

namespace GenomDE.Orleans.Silo.Hosting;

/// <summary>The audit trail's storage and checkpoint key: the append-only PostgreSQL tables in
/// durable mode, the audit log grain's memory in the embedded default.</summary>
public static class AuditConfiguration
{
    public static void AddPlatformAudit(ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.Configure<AuditOptions>(configuration.GetSection(AuditOptions.Section));
        silo.Services.AddSingleton<AuditSigner>();
        if (SiloConfiguration.ConnectionString(configuration) is { } connectionString)
        {
            silo.Services.AddSingleton<IAuditStore>(sp => new PostgresAuditStore(NpgsqlDataSource.Create(connectionString), ownsDataSource: true, GroupCommitRegistration.Shared(sp)));
        }
        else
        {
            silo.Services.AddTransient<IAuditStore, MemoryAuditStore>(); // one per activation of the never-idle audit grain
        }
    }
}
