using System.Globalization;
using GenomDE.Orleans.GrainInterfaces.Audit;
using GenomDE.Orleans.Grains.Audit;
using GenomDE.Orleans.Silo.Audit;
using Npgsql;

namespace GenomDE.Orleans.Silo.Hosting;

/// <summary><c>silo audit verify</c>: recomputes the audit chain and the Merkle tree straight from
/// PostgreSQL, without a running cluster, and checks every stored checkpoint's head hash, root and
/// signature. Exit code 0 when intact, 1 when not.</summary>
public static class AuditCommand
{
    public const string Name = "audit";

    /// <param name="output">Where the verdict goes (standard output unless a caller reads it).</param>
    public static async Task<int> Run(string[] args, IConfiguration configuration, TextWriter? output = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        output ??= Console.Out;
        if (args.FirstOrDefault() != "verify")
        {
            await Console.Error.WriteLineAsync("usage: silo audit verify   (with Orleans:ConnectionString set)");
            return 2;
        }

        if (SiloConfiguration.ConnectionString(configuration) is not { } connectionString)
        {
            await Console.Error.WriteLineAsync($"audit verify needs {SiloConfiguration.ConnectionStringKey} (e.g. environment variable Orleans__ConnectionString).");
            return 2;
        }

        await using var store = new PostgresAuditStore(NpgsqlDataSource.Create(connectionString), ownsDataSource: true);
        var result = await AuditChain.Verify(AuditLogGrain.ReadAll(store), await store.CheckpointsAsync());
        await output.WriteLineAsync(result.Intact
            ? string.Create(CultureInfo.InvariantCulture, $"Audit trail intact: {result.Entries} entries, {result.Checkpoints} checkpoints verified.")
            : string.Create(CultureInfo.InvariantCulture, $"Audit trail BROKEN at entry {result.FirstBrokenSeq?.ToString(CultureInfo.InvariantCulture) ?? "?"}: {result.Problem} ({result.Entries} entries intact before it)."));
        return result.Intact ? 0 : 1;
    }
}
