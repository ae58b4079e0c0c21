using GenomDE.Orleans.Tests.Fixtures;
using Orleans.TestingHost;

namespace GenomDE.Orleans.Tests.Faults;

/// <summary>The platform on its own throwaway PostgreSQL with fault injection in every silo. Faults
/// (and restarts of the database) would disturb the shared collections, so each fault collection
/// gets one of these, and the collections never run in parallel with anything.</summary>
public sealed class FaultsPlatformFixture : PostgresPlatformFixture
{
    public FaultsPlatformFixture()
    {
        Faults = new ClusterFaults(() => Cluster);

        // The periodic outbox sweep calls grains from inside the silo at times no test chooses, and
        // would meet a fault armed for "the next call to a case"; the sweep at start and after a
        // silo's death stay on.
        Settings["Platform:OutboxSweep:Interval"] = "1.00:00:00";
    }

    public ClusterFaults Faults { get; }

    protected override void ConfigureCluster(TestClusterBuilder builder) =>
        builder.AddSiloBuilderConfigurator<FaultInjectionConfigurator>();
}

/// <summary>Per grain type faults and the fact-finding on real Npgsql failures.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsCollectionDefinition : ICollectionFixture<FaultsPlatformFixture>
{
    public const string Name = "faults";
}

/// <summary>Restarts its PostgreSQL underneath the platform.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DatabaseRestartCollectionDefinition : ICollectionFixture<FaultsPlatformFixture>
{
    public const string Name = "faults-database-restart";
}

/// <summary>Two silos, random faults, a killed silo; absolute counts need a database of its own.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChaosCollectionDefinition : ICollectionFixture<FaultsPlatformFixture>
{
    public const string Name = "chaos";
}
