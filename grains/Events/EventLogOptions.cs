namespace GenomDE.Orleans.Grains.Events;

/// <summary>Section <c>Events</c>.</summary>
public sealed class EventLogOptions
{
    public const string Section = "Events";

    /// <summary>Events older than this are deleted from the log; a reader further behind
    /// continues with the oldest retained event.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the retention sweep runs.</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);
}
