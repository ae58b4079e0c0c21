using System.Globalization;

namespace GenomDE.Orleans.Bench;

/// <summary>PostgreSQL's WAL counters (<c>pg_stat_wal</c>): what the writes cost the log, and how
/// many flushes to disk they took (<c>wal_sync</c>: several commits share one when they arrive
/// together, so this is the physical side of "durable writes").</summary>
internal sealed record WalStats(long Records, long FullPageImages, long Bytes, long Writes, long Syncs)
{
    public string PerLifecycle(WalStats before, int lifecycles)
    {
        double Per(long delta) => (double)delta / Math.Max(1, lifecycles);
        return string.Create(CultureInfo.InvariantCulture,
            $"WAL (pg_stat_wal) during the measured lifecycles: {Records - before.Records} records ({FullPageImages - before.FullPageImages} full-page images), {Bytes - before.Bytes} bytes, {Writes - before.Writes} writes, {Syncs - before.Syncs} syncs"
            + $" = per lifecycle {Per(Records - before.Records):F1} records, {Per(Bytes - before.Bytes):F0} bytes, {Per(Writes - before.Writes):F2} writes, {Per(Syncs - before.Syncs):F2} syncs");
    }
}
