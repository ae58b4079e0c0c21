using System.Globalization;
using System.Reflection;
using Npgsql;

namespace GenomDE.Orleans.Persistence;

/// <summary>
/// Applies the embedded PostgreSQL scripts (sql/NNN_name.sql) that back Orleans' ADO.NET
/// clustering, grain storage and reminders. Safe to call from every silo at start-up.
/// </summary>
public static class SchemaMigrator
{
    private const string ResourcePrefix = "GenomDE.Persistence.Sql.";

    // Arbitrary but fixed: every process migrating the same database must contend for the same key.
    private const long AdvisoryLockKey = 0x47_65_6E_6F_6D_44_45; // "GenomDE"

    /// <summary>A numbered script shipped inside this assembly.</summary>
    public sealed record Script(int Version, string Name, string Sql);

    /// <summary>All embedded scripts in version order.</summary>
    public static IReadOnlyList<Script> Scripts { get; } = LoadScripts();

    /// <summary>
    /// Applies every script whose version is not yet recorded in genomde_schema_version,
    /// each in its own transaction, and returns the names of the scripts applied (empty when
    /// the database is already current).
    /// </summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(string connectionString, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);

        // Session-level lock so that two silos starting together do not both run DDL; the second
        // waits here and then finds everything recorded.
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", ct).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, null, """
                CREATE TABLE IF NOT EXISTS genomde_schema_version
                (
                    version    integer     NOT NULL PRIMARY KEY,
                    name       text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, ct).ConfigureAwait(false);

            var applied = new HashSet<int>();
            await using (var read = new NpgsqlCommand("SELECT version FROM genomde_schema_version", connection))
            await using (var reader = await read.ExecuteReaderAsync(ct).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    applied.Add(reader.GetInt32(0));
                }
            }

            var names = new List<string>();
            foreach (var script in Scripts)
            {
                if (applied.Contains(script.Version))
                {
                    continue;
                }

                // Per-script transaction: a failing script leaves earlier ones recorded and itself
                // fully rolled back (PostgreSQL DDL is transactional).
                await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                await ExecuteAsync(connection, tx, script.Sql, ct).ConfigureAwait(false);
                await using (var record = new NpgsqlCommand(
                    "INSERT INTO genomde_schema_version (version, name) VALUES (@version, @name)", connection, tx))
                {
                    record.Parameters.AddWithValue("version", script.Version);
                    record.Parameters.AddWithValue("name", script.Name);
                    await record.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                await tx.CommitAsync(ct).ConfigureAwait(false);
                names.Add(script.Name);
            }

            return names;
        }
        finally
        {
            // Not cancellable: the lock must be released even when the caller gave up.
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static List<Script> LoadScripts()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var scripts = new List<Script>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal)
                || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[ResourcePrefix.Length..];
            var underscore = name.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0
                || !int.TryParse(name.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Embedded script '{name}' must be named NNN_description.sql.");
            }

            scripts.Add(new Script(version, name, ReadResource(assembly, resource)));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < scripts.Count; i++)
        {
            if (scripts[i].Version == scripts[i - 1].Version)
            {
                throw new InvalidOperationException($"Two embedded scripts share version {scripts[i].Version}.");
            }
        }

        return scripts;
    }

    private static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded script '{resource}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
