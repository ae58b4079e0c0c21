namespace GenomDE.Orleans.Grains.Reporting;

/// <summary>Section <c>Reporting</c>: how the reporting projector batches the event log.</summary>
public sealed class ReportingOptions
{
    public const string Section = "Reporting";

    /// <summary>Events read per batch; one batch costs one write per touched bucket plus one.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>After "new events" arrived, wait this long so that one batch takes many of them.</summary>
    public TimeSpan BatchDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often the projector looks at the log without a notification (notifications are
    /// best effort: a memory stream loses them with a silo).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
