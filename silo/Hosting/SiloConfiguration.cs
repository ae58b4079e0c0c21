using GenomDE.Orleans.ClientApi;
using GenomDE.Orleans.Grains.Common;
using GenomDE.Orleans.Silo.Seeding;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace GenomDE.Orleans.Silo.Hosting;

/// <summary>One place that decides how a silo is built, used by the silo process and the tests.</summary>
public static class SiloConfiguration
{
    /// <summary>Durable mode is on when <c>Orleans:ConnectionString</c> names a PostgreSQL database.</summary>
    public static bool IsEmbedded(IConfiguration configuration) =>
        string.IsNullOrEmpty(configuration["Orleans:ConnectionString"]);

    public static bool SeedsOnStart(IConfiguration configuration) =>
        configuration.GetSection(PlatformOptions.Section).Get<PlatformOptions>()?.Seed ?? IsEmbedded(configuration);

    /// <summary>Storage, reminders, dashboard and seeding; clustering is left to the caller
    /// (<see cref="ConfigureClustering"/>) because the test cluster brings its own.</summary>
    public static void ConfigureServices(ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddSingleton(TimeProvider.System);
        silo.AddMemoryGrainStorage(StorageNames.Platform);
        silo.UseInMemoryReminderService();
        silo.AddDashboard(o => o.HideTrace = true);
        if (SeedsOnStart(configuration))
        {
            silo.AddStartupTask<PlatformSeeder>();
        }
    }

    public static void ConfigureClustering(ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = configuration["Orleans:ClusterId"] ?? ClusterDefaults.ClusterId;
            o.ServiceId = configuration["Orleans:ServiceId"] ?? ClusterDefaults.ServiceId;
        });
        silo.UseLocalhostClustering(
            siloPort: configuration.GetValue("Orleans:SiloPort", ClusterDefaults.SiloPort),
            gatewayPort: configuration.GetValue("Orleans:GatewayPort", ClusterDefaults.GatewayPort));
    }
}
