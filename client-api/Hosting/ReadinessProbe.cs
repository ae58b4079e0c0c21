using GenomDE.Orleans.ClientApi.Apis;

namespace GenomDE.Orleans.ClientApi.Hosting;

/// <summary>The answer of <c>/health/ready</c>: whether the cluster has an active silo, asked of the
/// management grain at most once per <c>Health:ReadyCacheDuration</c> (default 2 s). The endpoint is
/// anonymous, so without the cache a flood of probes would be a flood of cluster calls.</summary>
public sealed class ReadinessProbe
{
    public const string CacheDurationKey = "Health:ReadyCacheDuration";

    private static readonly TimeSpan ClusterTimeout = TimeSpan.FromSeconds(5);

    private readonly ShortLivedAnswer<Readiness> _answer;

    public ReadinessProbe(IGrainFactory grains, TimeProvider clock, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _answer = new ShortLivedAnswer<Readiness>(() => Ask(grains), clock, configuration.GetValue(CacheDurationKey, TimeSpan.FromSeconds(2)));
    }

    /// <summary>How often the cluster was asked since the API started.</summary>
    public long ClusterCalls => _answer.Asked;

    public Task<Readiness> Get() => _answer.Get();

    /// <summary>Never throws: an unreachable cluster is an answer too (503), and is cached like one.</summary>
    private static async Task<Readiness> Ask(IGrainFactory grains)
    {
        try
        {
            var silos = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(ClusterTimeout);
            return silos.Count > 0
                ? new Readiness(StatusCodes.Status200OK, new HealthApi.HealthReport("ready", silos.Count))
                : new Readiness(StatusCodes.Status503ServiceUnavailable, new HealthApi.HealthReport("no active silo", 0));
        }
        catch (Exception e) when (e is TimeoutException or OrleansException or InvalidOperationException)
        {
            return new Readiness(StatusCodes.Status503ServiceUnavailable, new HealthApi.HealthReport($"cluster unreachable: {e.GetType().Name}", null));
        }
    }

    public sealed record Readiness(int StatusCode, HealthApi.HealthReport Report);
}
