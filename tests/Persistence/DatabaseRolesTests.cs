using GenomDE.Orleans.Tests.Fixtures;
using Npgsql;

namespace GenomDE.Orleans.Tests.Persistence;

/// <summary>The API's database login can read the gateway list and nothing else.</summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class DatabaseRolesTests(PostgresPlatformFixture platform)
{
    [Fact]
    public async Task A_member_of_genomde_api_reads_the_membership_and_nothing_else()
    {
        var login = "api_login_" + Guid.NewGuid().ToString("N")[..8];
        const string password = "api-test-password";
        await using (var admin = new NpgsqlConnection(platform.Database.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE ROLE {login} LOGIN PASSWORD '{password}' IN ROLE genomde_api", admin);
            await create.ExecuteNonQueryAsync();
        }

        var asApi = new NpgsqlConnectionStringBuilder(platform.Database.ConnectionString) { Username = login, Password = password, Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(asApi);
        await connection.OpenAsync();

        // What an Orleans client needs for its gateway list.
        Assert.True(await Scalar(connection, "SELECT count(*) FROM genomde_membership") is long members && members >= 2);
        Assert.NotNull(await Scalar(connection, "SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'GatewaysQueryKey'"));

        // Nothing else: no grain state, no events, no audit, no writes to the membership.
        foreach (var refused in new[]
        {
            "SELECT count(*) FROM genomde_grain_state",
            "SELECT count(*) FROM genomde_events",
            "SELECT count(*) FROM genomde_audit",
            "DELETE FROM genomde_membership",
            "UPDATE OrleansQuery SET QueryText = ''",
        })
        {
            var denied = await Assert.ThrowsAsync<PostgresException>(() => Scalar(connection, refused));
            Assert.True(denied.SqlState == PostgresErrorCodes.InsufficientPrivilege, $"{refused}: {denied.SqlState} {denied.MessageText}");
        }
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
