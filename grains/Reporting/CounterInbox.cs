using GenomDE.Orleans.GrainInterfaces.Reporting;

namespace GenomDE.Orleans.Grains.Reporting;

/// <summary>The receiving side of the counter channel: the summed counters and, per source, the
/// version applied last. A delta applies only on top of the version it starts from; anything else
/// (a replay, a delta built on a stale confirmation) changes nothing and the answer tells the
/// sender where to resume. Sources are bounded by design (a period has at most 92 days of buckets,
/// a statistics shard one period per partition and quarter).</summary>
[GenerateSerializer, Alias("genomde.counter-inbox")]
public sealed class CounterInbox
{
    [Id(0)]
    public Dictionary<string, int> Versions { get; set; } = [];

    [Id(1)]
    public Dictionary<string, long> Totals { get; set; } = [];

    public int VersionOf(string source) => Versions.GetValueOrDefault(source);

    /// <summary>True when the delta was applied (the state must be written).</summary>
    public bool Apply(CounterDelta delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        if (VersionOf(delta.Source) != delta.From || delta.To <= delta.From)
        {
            return false;
        }

        Counters.AddTo(Totals, delta.Changes, 1);
        Versions[delta.Source] = delta.To;
        return true;
    }
}
