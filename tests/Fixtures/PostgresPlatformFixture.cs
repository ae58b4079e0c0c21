using GenomDE.Orleans.Persistence;
using GenomDE.Orleans.Silo.Hosting;

namespace GenomDE.Orleans.Tests.Fixtures;

/// <summary>The platform on a real, throwaway PostgreSQL (started here, removed afterwards; or an
/// existing server named by <c>GENOMDE_TEST_POSTGRES</c>): ADO.NET membership, grain storage and
/// reminders, schema applied by our own migrator.</summary>
public class PostgresPlatformFixture : PlatformFixture
{
    /// <summary>Short, so the overdue-report reminder fires within a test.</summary>
    public static readonly TimeSpan ReportDueAfter = TimeSpan.FromSeconds(30);

    public TemporaryPostgres Database { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        Database = await TemporaryPostgres.StartAsync();
        await SchemaMigrator.MigrateAsync(Database.ConnectionString);
        Settings[SiloConfiguration.ConnectionStringKey] = Database.ConnectionString;
        Settings["Platform:ReportDueAfter"] = ReportDueAfter.ToString();
        await base.InitializeAsync();
    }

    /// <summary>Stops (or, with <paramref name="crash"/>, kills) every silo and the API, then starts
    /// a new cluster and API on the same database.</summary>
    public async Task RestartEverythingAsync(bool crash = false)
    {
        await StopApiAsync();
        if (crash)
        {
            foreach (var silo in Cluster.Silos.ToList())
            {
                await Cluster.KillSiloAsync(silo);
            }
        }

        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await StartClusterAsync();
        await StartApiAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresPlatformFixture>
{
    public const string Name = "postgres";
}
