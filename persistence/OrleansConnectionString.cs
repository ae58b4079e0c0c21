using System.Data.Common;
using Npgsql;

namespace GenomDE.Orleans.Persistence;

/// <summary>Npgsql settings that suit Orleans' ADO.NET providers.</summary>
public static class OrleansConnectionString
{
    /// <summary>
    /// Returns <paramref name="connectionString"/> with settings that cut per-call server work for the
    /// providers' pattern (a pooled connection opened per call, the same ~20 statements forever):
    /// automatic preparation, so PostgreSQL plans each statement once per connection, and no session
    /// reset on pool return, since neither Orleans nor our SQL leaves session state behind. Without the
    /// latter, every provider call also makes PostgreSQL run "SET SESSION AUTHORIZATION DEFAULT; RESET
    /// ALL; CLOSE ALL; UNLISTEN *; …" (seen in the server log of the benchmark's storage probe).
    /// Settings already present in the string are kept.
    /// </summary>
    public static string Tune(string connectionString)
    {
        // NpgsqlConnectionStringBuilder.ContainsKey answers "is this a valid keyword", not "is it set",
        // so whether the caller set a key is read from a plain builder over the raw string.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!IsSet(given, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 32;
        }

        if (!IsSet(given, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    private static bool IsSet(DbConnectionStringBuilder given, params string[] keywords) =>
        keywords.Any(given.ContainsKey);
}
