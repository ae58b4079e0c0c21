using Npgsql;

namespace GenomDE.Orleans.Persistence;

/// <summary>Npgsql settings that suit Orleans' ADO.NET providers.</summary>
public static class OrleansConnectionString
{
    /// <summary>
    /// Returns <paramref name="connectionString"/> with settings that cut per-call server work for the
    /// providers' pattern (a pooled connection opened per call, the same ~20 statements forever):
    /// automatic preparation, so PostgreSQL plans each statement once per connection, and no session
    /// reset on pool return, since neither Orleans nor our SQL leaves session state behind.
    /// Settings already present in the string are kept.
    /// </summary>
    public static string Tune(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!builder.ContainsKey("Max Auto Prepare") || builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 32;
        }

        if (!builder.ContainsKey("No Reset On Close"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }
}
