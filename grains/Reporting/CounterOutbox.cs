using System.Text.Json.Serialization;
using GenomDE.Orleans.GrainInterfaces.Reporting;

namespace GenomDE.Orleans.Grains.Reporting;

/// <summary>The sending side of an exactly-once counter channel, stored in the sender's own state
/// (so it costs no extra write). Every change of the sender's counters gets the next version and a
/// snapshot; snapshots are kept from the last version the receiver confirmed on. A push sends the
/// difference between the confirmed snapshot and the newest one; whatever version the receiver
/// answers with, the snapshot for it is here, so a lost answer or a lost push is repaired by the
/// next push without double counting. Normally two snapshots are kept.</summary>
[GenerateSerializer, Alias("genomde.counter-outbox")]
public sealed class CounterOutbox
{
    [Id(0)]
    public int Version { get; set; }

    /// <summary>Counters at every version from the confirmed one on (always contains both ends).</summary>
    [Id(1)]
    public SortedDictionary<int, Dictionary<string, long>> Snapshots { get; set; } = new() { [0] = [] };

    [JsonIgnore]
    public IReadOnlyDictionary<string, long> Current => Snapshots[Version];

    [JsonIgnore]
    public bool HasPending => Snapshots.Keys.First() < Version;

    /// <summary>Takes <paramref name="counters"/> as the next version; false when nothing changed.</summary>
    public bool Record(Dictionary<string, long> counters)
    {
        if (Counters.Same(Current, counters))
        {
            return false;
        }

        Version++;
        Snapshots[Version] = counters;
        return true;
    }

    public CounterDelta Pending(string source)
    {
        var from = Snapshots.Keys.First();
        return new CounterDelta(source, from, Version, Counters.Difference(Current, Snapshots[from]));
    }

    /// <summary>The receiver stands at <paramref name="version"/>: older snapshots are no longer needed.</summary>
    public void Confirmed(int version)
    {
        if (!Snapshots.ContainsKey(version))
        {
            throw new InvalidOperationException($"The receiver stands at version {version}, which this sender never confirmed nor sent (kept: {string.Join(',', Snapshots.Keys)}).");
        }

        foreach (var old in Snapshots.Keys.Where(v => v < version).ToList())
        {
            Snapshots.Remove(old);
        }
    }
}
