using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GenomDE.Orleans.GrainInterfaces.Reporting;

/// <summary>Keys of the reporting grains. Rows live in small buckets, one per partition (a node ID,
/// or <see cref="CasesPartition"/> for case rows), day and shard; the shard is the first hex digit
/// of the TAN (of the case key's SHA-256 for case rows), so a bucket holds about 1/16 of one node's
/// submissions of one day. Counters flow bucket → period (partition, quarter, shard) → statistics
/// shard, each level with a bounded number of sources.</summary>
public static class ReportKeys
{
    /// <summary>The partition that holds one row per case (its status) for the statistics.</summary>
    public const string CasesPartition = "cases";

    /// <summary>The 16 shards, in key order.</summary>
    public const string Shards = "0123456789abcdef";

    public static char ShardOf(string hex) =>
        hex.Length > 0 && Shards.Contains(char.ToLowerInvariant(hex[0]), StringComparison.Ordinal) ? char.ToLowerInvariant(hex[0]) : '0';

    /// <summary>The shard of a case row: case keys are the LE's own text, so hash them first.</summary>
    public static char ShardOfCase(string caseKey) => Shards[SHA256.HashData(Encoding.UTF8.GetBytes(caseKey))[0] >> 4];

    public static string Bucket(string partition, DateOnly day, char shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{partition}/{day:yyyy-MM-dd}/{shard}");

    public static string Period(string partition, ReportQuarter quarter, char shard) => $"{partition}/{quarter.Key}/{shard}";

    /// <summary>The period a bucket reports to: same partition and shard, the day's quarter.</summary>
    public static string PeriodOfBucket(string bucketKey)
    {
        var parts = bucketKey.Split('/');
        var day = DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Period(parts[0], ReportQuarter.Of(day), parts[2][0]);
    }

    /// <summary>The statistics shard a period reports to: its own shard.</summary>
    public static string StatisticsShardOfPeriod(string periodKey) => periodKey[^1..];
}
