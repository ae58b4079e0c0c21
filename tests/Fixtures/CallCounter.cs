using System.Collections.Concurrent;

namespace GenomDE.Orleans.Tests.Fixtures;

/// <summary>Counts the grain calls of the call chains a test tagged (the tag travels in the
/// <see cref="RequestContext"/> to every call the chain causes), by grain type and method: what a
/// command costs in calls, unaffected by the other tests sharing the cluster.</summary>
public sealed class CallCounter : IIncomingGrainCallFilter
{
    private const string TagKey = "genomde.test.calls";
    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<string, int>> Counts = new(StringComparer.Ordinal);

    /// <summary>Tags the calls this async flow makes from now on with a fresh tag, and returns it.</summary>
    public static string Start()
    {
        var tag = Guid.NewGuid().ToString("N");
        Counts[tag] = new(StringComparer.Ordinal);
        RequestContext.Set(TagKey, tag);
        return tag;
    }

    public static void Stop() => RequestContext.Remove(TagKey);

    /// <summary>Calls by <c>{grain type}.{method}</c>.</summary>
    public static IReadOnlyDictionary<string, int> Of(string tag) => new Dictionary<string, int>(Counts[tag], StringComparer.Ordinal);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (RequestContext.Get(TagKey) is string tag && Counts.TryGetValue(tag, out var counts))
        {
            counts.AddOrUpdate($"{context.TargetId.Type}.{context.InterfaceMethod.Name}", 1, (_, n) => n + 1);
        }

        return context.Invoke();
    }
}
