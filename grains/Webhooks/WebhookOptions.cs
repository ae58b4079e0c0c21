namespace GenomDE.Orleans.Grains.Webhooks;

/// <summary>Section <c>Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Development and tests only: allow loopback targets (and plain http to them).</summary>
    public bool AllowLoopback { get; set; }

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>An endpoint failing this long without a success is disabled (retries run until then,
    /// so at least 24 h must be allowed).</summary>
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Per attempt, connect to last byte.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deliveries in flight per silo, across all endpoints.</summary>
    public int MaxConcurrency { get; set; } = 32;

    /// <summary>How often an idle endpoint looks at the log without a live notification.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a rotated-out secret keeps signing alongside the new one.</summary>
    public TimeSpan SecretOverlap { get; set; } = TimeSpan.FromHours(24);

    public int MaxEndpointsPerParticipant { get; set; } = 10;
}
