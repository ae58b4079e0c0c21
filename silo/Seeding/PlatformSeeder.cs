using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Nodes;
using GenomDE.Orleans.GrainInterfaces.Participants;
using GenomDE.Orleans.Grains.Seed;

namespace GenomDE.Orleans.Silo.Seeding;

/// <summary>Registers the seed participants through the grains' own commands. Every silo runs it;
/// each step is idempotent, so concurrent or repeated runs end in the same state.</summary>
public sealed class PlatformSeeder(IGrainFactory grains, ILogger<PlatformSeeder> logger) : IStartupTask
{
    public async Task Execute(CancellationToken cancellationToken)
    {
        var context = new CommandContext(new Caller(ParticipantRole.Operator, SeedData.OperatorId), "seed");
        var results = new List<DomainError?>();
        foreach (var node in SeedData.Nodes)
        {
            results.Add((await grains.GetGrain<INodeGrain>(SeedData.ApplicationIdFor(node.NodeId)).Seed(node)).Error);
        }

        foreach (var (ik, registration) in SeedData.Providers)
        {
            results.Add((await grains.GetGrain<IProviderGrain>(ik).Register(context, registration)).Error);
        }

        foreach (var (ik, registration) in SeedData.Payers)
        {
            results.Add((await grains.GetGrain<IPayerGrain>(ik).Register(context, registration)).Error);
        }

        var failures = results.OfType<DomainError>().ToList();
        if (failures.Count > 0)
        {
            throw new InvalidOperationException("Seeding failed: " + string.Join("; ", failures.Select(f => f.Detail)));
        }

        logger.LogInformation("Seeded {Nodes} nodes, {Providers} providers, {Payers} payers", SeedData.Nodes.Count, SeedData.Providers.Count, SeedData.Payers.Count);
    }
}
