using GenomDE.Orleans.GrainInterfaces.Events;
using GenomDE.Orleans.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace GenomDE.Orleans.Tests.Events;

/// <summary>Events as a grain would emit them, appended straight into a silo's <see cref="IEventLog"/>
/// (the emission from the domain grains is built separately).</summary>
public static class SyntheticEvents
{
    public static IEventLog EventLog(this PlatformFixture platform) =>
        ((InProcessSiloHandle)platform.Cluster.Silos[^1]).ServiceProvider.GetRequiredService<IEventLog>();

    public static PlatformEvent Case(string ik, string what = "registered", string? id = null, params string[] moreAudience)
    {
        var caseKey = $"{ik}:CASE-{Guid.NewGuid():N}"[..30];
        return new PlatformEvent(
            Id: id ?? $"evt-{Guid.NewGuid():N}",
            Type: EventTypes.Of("case", what),
            Source: $"/genomde/cases/{caseKey}",
            Subject: caseKey,
            Time: DateTimeOffset.UtcNow,
            Data: new Dictionary<string, string?> { ["caseKey"] = caseKey, ["status"] = what },
            Audience: [Audiences.Provider(ik), .. moreAudience],
            OrderingKey: caseKey);
    }

    public static PlatformEvent Token(string ik) => Case(ik) with { Type = EventTypes.Of("token", "issued"), Id = $"evt-{Guid.NewGuid():N}" };
}
