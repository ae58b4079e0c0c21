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

    public IReadOnlyList<InjectedFault> Injected => [.. Controllers.SelectMany(c => c.Injected)];

    public int MatchingWrites => Controllers.Sum(c => c.MatchingWrites);
}
