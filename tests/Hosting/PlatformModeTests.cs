using GenomDE.Orleans.Silo;
using GenomDE.Orleans.Silo.Hosting;
using Microsoft.Extensions.Configuration;

namespace GenomDE.Orleans.Tests.Hosting;

/// <summary>The mode is chosen, never inferred: a start whose settings contradict it is refused
/// before anything listens or connects.</summary>
public sealed class PlatformModeTests
{
    private const string Database = "Host=127.0.0.1;Port=1;Database=none;Username=none";

    [Theory]
    [InlineData(null, null, null, null, null)]
    [InlineData(null, Database, null, null, "Set Platform:Mode=durable")]
    [InlineData("embedded", Database, null, null, "Set Platform:Mode=durable")]
    [InlineData("durable", null, "https://keycloak.example/realms/genomde", null, "Orleans:ConnectionString is not set")]
    [InlineData("durable", Database, null, null, "Auth:Authority is not set")]
    [InlineData("durable", Database, "https://keycloak.example/realms/genomde", null, null)]
    [InlineData("durable", Database, null, "true", "needs Auth:Embedded:ClientSecretKey")]
    public void A_start_that_contradicts_its_mode_is_refused_with_the_reason(string? mode, string? database, string? authority, string? allowEmbeddedIssuer, string? problem)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platform:Mode"] = mode,
            ["Orleans:ConnectionString"] = database,
            ["Auth:Authority"] = authority,
            ["Platform:AllowEmbeddedIssuer"] = allowEmbeddedIssuer,
        }).Build();

        var refused = PlatformModeCheck.Problem(configuration);

        if (problem is null)
        {
            Assert.Null(refused);
        }
        else
        {
            Assert.Contains(problem, refused, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_durable_silo_without_the_api_needs_no_issuer_and_the_benchmark_switch_needs_its_own_secret_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platform:Mode"] = "durable",
            ["Platform:HostApi"] = "false",
            ["Orleans:ConnectionString"] = Database,
        }).Build();
        Assert.Null(PlatformModeCheck.Problem(configuration));

        var bench = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platform:Mode"] = "durable",
            ["Platform:AllowEmbeddedIssuer"] = "true",
            ["Auth:Embedded:ClientSecretKey"] = "a-benchmark-key-of-at-least-32-characters",
            ["Orleans:ConnectionString"] = Database,
        }).Build();
        Assert.Null(PlatformModeCheck.Problem(bench));
    }

    [Fact]
    public async Task The_silo_process_exits_with_code_2_before_touching_the_database_when_durable_mode_has_no_issuer()
    {
        // The connection string points at a closed port: a start that got as far as migrating would fail differently.
        var exit = await SiloProgram.Main(["--Platform:Mode=durable", $"--Orleans:ConnectionString={Database}"]);

        Assert.Equal(2, exit);
    }

    [Fact]
    public void The_embedded_default_listens_on_loopback_only()
    {
        var url = new Uri(SiloProgram.DefaultUrl);

        Assert.True(url.IsLoopback, $"{url} is not a loopback address");
    }
}
