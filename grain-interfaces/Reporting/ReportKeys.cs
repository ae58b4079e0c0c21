using System.Globalization;

namespace GenomDE.Orleans.GrainInterfaces.Reporting;

/// <summary>Keys of the reporting grains. Submission rows live in small buckets, one per node, day
/// and shard; the shard is the first hex digit of the TAN, so a bucket holds about 1/16 of one
/// node's submissions of one day. A period (node, quarter) indexes the buckets that hold its rows.</summary>
public static class ReportKeys
{
    /// <summary>The 16 shards, in key order.</summary>
    public const string Shards = "0123456789abcdef";

    public static char ShardOf(string hex) =>
        hex.Length > 0 && Shards.Contains(char.ToLowerInvariant(hex[0]), StringComparison.Ordinal) ? char.ToLowerInvariant(hex[0]) : '0';

    public static string Bucket(string nodeId, DateOnly day, char shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{nodeId}/{day:yyyy-MM-dd}/{shard}");

    public static string Period(string nodeId, ReportQuarter quarter)
    {
        ArgumentNullException.ThrowIfNull(quarter);
        return $"{nodeId}/{quarter.Key}";
    }

    /// <summary>The period whose report reads a bucket: same node, the quarter of the bucket's day.</summary>
    public static string PeriodOfBucket(string bucketKey)
    {
        ArgumentNullException.ThrowIfNull(bucketKey);
        var parts = bucketKey.Split('/');
        var day = DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Period(parts[0], ReportQuarter.Of(day));
    }
}
