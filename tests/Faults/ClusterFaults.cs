using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace GenomDE.Orleans.Tests.Faults;

/// <summary>The test's handle on the fault controllers of every live in-process silo: a plan armed
/// here holds in all of them (a silo started later must be armed again).</summary>
public sealed class ClusterFaults(Func<TestCluster> cluster)
{
    public IReadOnlyList<FaultController> Controllers =>
        [.. cluster().Silos.OfType<InProcessSiloHandle>().Select(s => s.SiloHost.Services.GetRequiredService<FaultController>())];

    public void Arm(FaultPlan plan)
    {
        foreach (var controller in Controllers)
        {
            controller.ClearRecords();
            controller.Arm(plan);
        }
    }

    /// <summary>Every silo back to no faults; the records stay for inspection.</summary>
    public void Disarm()
    {
        foreach (var controller in Controllers)
        {
            controller.Disarm();
        }
    }

    /// <summary>Disarms once a fault was injected, or after <paramref name="patience"/>. A fault
    /// armed for a write off the request path (the reporting projector's next batch) lands a moment
    /// after the commands that caused it have answered.</summary>
    public async Task DisarmAfterInjection(TimeSpan patience)
    {
        var until = DateTime.UtcNow + patience;
        while (Injected.Count == 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        Disarm();
    }

    public IReadOnlyList<InjectedFault> Injected => [.. Controllers.SelectMany(c => c.Injected)];

    public int MatchingWrites => Controllers.Sum(c => c.MatchingWrites);
}
