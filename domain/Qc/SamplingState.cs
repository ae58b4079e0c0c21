using System.Globalization;

namespace GenomDE.Orleans.Domain.Qc;

/// <summary>Detailed-QC sampling of one LE in one calendar quarter (the unit the official rule
/// counts in). Changed only by <see cref="DetailedQcSampler.Decide"/>; persist it after every decision.
/// The state stays small however busy the LE is: counters, the picks (about 2 %) and a bounded
/// window of recently decided TANs, so that a replayed decision (a retried grain call) returns the
/// first answer instead of counting the submission twice.</summary>
[GenerateSerializer, Alias("genomde.qc-sampling-state")]
public sealed class SamplingState
{
    [Id(0)]
    public string SubmitterId { get; set; } = "";

    [Id(1)]
    public int Year { get; set; }

    /// <summary>1–4.</summary>
    [Id(2)]
    public int Quarter { get; set; }

    /// <summary>Eligible submissions decided so far (picked or not).</summary>
    [Id(3)]
    public int Candidates { get; set; }

    /// <summary>Calendar months (1–12) of this quarter that already have a pick.</summary>
    [Id(4)]
    public HashSet<int> MonthsWithPick { get; set; } = [];

    /// <summary>The last block (of <see cref="DetailedQcSampler.BlockSize"/> candidates) that got a
    /// pick; blocks are filled in order, so one number says whether the current block has one.</summary>
    [Id(5)]
    public int LastBlockWithPick { get; set; } = -1;

    [Id(6)]
    public List<SamplingPick> Picks { get; set; } = [];

    /// <summary>Lower-case tanGs of the most recent decisions, oldest first, at most
    /// <see cref="RecentCapacity"/>. Replays come from retries seconds after the first call (the
    /// case grain stores its decision, so later replays never reach the sampler); a window keeps
    /// the state from growing with the quarter's submissions.</summary>
    [Id(7)]
    public List<string> RecentTans { get; set; } = [];

    /// <summary>How many recent decisions a replay is recognised against.</summary>
    public const int RecentCapacity = 512;

    public static SamplingState Start(string submitterId, DateOnly dateInQuarter)
    {
        ArgumentNullException.ThrowIfNull(submitterId);
        return new SamplingState { SubmitterId = submitterId, Year = dateInQuarter.Year, Quarter = QuarterOf(dateInQuarter) };
    }

    /// <summary>A stable key for the (LE, quarter) a date falls into, e.g. <c>123456789-2025-Q3</c>,
    /// usable as a grain key.</summary>
    public static string KeyOf(string submitterId, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{submitterId}-{date.Year}-Q{QuarterOf(date)}");

    public static int QuarterOf(DateOnly date) => ((date.Month - 1) / 3) + 1;

    public bool Covers(DateOnly date) => date.Year == Year && QuarterOf(date) == Quarter;

    public int PickCount => Picks.Count;
}
