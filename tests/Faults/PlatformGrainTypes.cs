using System.Reflection;
using GenomDE.Orleans.Grains.Common;

namespace GenomDE.Orleans.Tests.Faults;

/// <summary>The platform's grain types, read from the grains assembly rather than listed by hand, so
/// a grain added later is covered by the fault tests (or makes them fail until it is).</summary>
public static class PlatformGrainTypes
{
    private static readonly Type[] GrainClasses =
        [.. typeof(ConsistentWrites).Assembly.GetTypes().Where(t => t.GetCustomAttribute<GrainTypeAttribute>() is not null)];

    /// <summary>Every [GrainType] of the grains assembly (stateful or not): the callees a call fault may hit.</summary>
    public static readonly IReadOnlySet<string> All = GrainClasses.Select(TypeName).ToHashSet(StringComparer.Ordinal);

    /// <summary>Grain type → the state it keeps in the platform storage (its [PersistentState] on the constructor).</summary>
    public static readonly IReadOnlyDictionary<string, Type> Stateful = GrainClasses
        .SelectMany(t => t.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => (Grain: t, Parameter: p)))
        .Where(x => x.Parameter.GetCustomAttribute<PersistentStateAttribute>() is { StorageName: StorageNames.Platform })
        .ToDictionary(x => TypeName(x.Grain), x => x.Parameter.ParameterType.GetGenericArguments()[0], StringComparer.Ordinal);

    // The attribute keeps its name private; its constructor argument is the name.
    private static string TypeName(Type grainClass) =>
        (string)grainClass.GetCustomAttributesData().First(a => a.AttributeType == typeof(GrainTypeAttribute)).ConstructorArguments[0].Value!;
}
