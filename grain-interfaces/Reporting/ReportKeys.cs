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

    /// <summary>The bucket of a case row (case keys are the LE's own text, so they are hashed): registrations of a whole day (nationwide, every LE) land in
    /// one partition, so case rows take two hex digits of the hash, 256 buckets a day, whose first
    /// digit is the period's shard. Node partitions keep one digit: a node's day is far smaller.</summary>
    public static string CaseBucket(DateOnly registeredOn, string caseKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(caseKey))[0];
        return string.Create(CultureInfo.InvariantCulture, $"{CasesPartition}/{registeredOn:yyyy-MM-dd}/{Shards[hash >> 4]}{Shards[hash & 0xf]}");
    }

    public static string Bucket(string partition, DateOnly day, char shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{partition}/{day:yyyy-MM-dd}/{shard}");

    public static string Period(string partition, ReportQuarter quarter, char shard) => $"{partition}/{quarter.Key}/{shard}";

    /// <summary>The period a bucket reports to: same partition and shard (the first digit of the
    /// bucket's shard), the day's quarter.</summary>
    public static string PeriodOfBucket(string bucketKey)
    {
        var parts = bucketKey.Split('/');
        var day = DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Period(parts[0], ReportQuarter.Of(day), parts[2][0]);
    }

    /// <summary>The statistics shard a period reports to: its own shard.</summary>
    public static string StatisticsShardOfPeriod(string periodKey) => periodKey[^1..];
}
