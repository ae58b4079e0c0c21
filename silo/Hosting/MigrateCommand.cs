using GenomDE.Orleans.Persistence;

namespace GenomDE.Orleans.Silo.Hosting;

/// <summary><c>silo migrate</c>: brings the PostgreSQL schema up to date and exits. The same step
/// runs at every silo start unless <c>Orleans:MigrateOnStart=false</c>; it is idempotent and
/// serialised by an advisory lock, so silos starting together are safe.</summary>
public static class MigrateCommand
{
    public const string Name = "migrate";

    public static async Task<int> Run(IConfiguration configuration)
    {
        if (SiloConfiguration.ConnectionString(configuration) is not { } connectionString)
        {
            await Console.Error.WriteLineAsync($"migrate needs {SiloConfiguration.ConnectionStringKey} (e.g. environment variable Orleans__ConnectionString).");
            return 2;
        }

        var applied = await SchemaMigrator.MigrateAsync(connectionString);
        Console.WriteLine(applied.Count == 0
            ? $"Schema is up to date ({SchemaMigrator.Scripts.Count} scripts)."
            : $"Applied: {string.Join(", ", applied)}.");
        return 0;
    }

    public static Task MigrateOnStart(IConfiguration configuration) =>
        SiloConfiguration.ConnectionString(configuration) is { } connectionString && configuration.GetValue("Orleans:MigrateOnStart", true)
            ? SchemaMigrator.MigrateAsync(connectionString)
            : Task.CompletedTask;
}
