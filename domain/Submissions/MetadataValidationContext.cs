namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>What every rule needs: the document, where to report, and the policies that decide
/// how severe a date-effective rule is on this submission's date.</summary>
public sealed class MetadataValidationContext(GdcMetadata metadata, MetadataFindings findings, IReadOnlyList<MetadataPolicy> policies)
{
    public GdcMetadata Metadata { get; } = metadata;

    public MetadataFindings Findings { get; } = findings;

    /// <summary>The date the submission is judged at. Without a readable submission date the
    /// strictest rules apply: an unknown date must not buy a grace period.</summary>
    public DateOnly JudgedAt { get; } = metadata.Submission.SubmissionDate ?? DateOnly.MaxValue;

    public void Error(string rule, string path, string message) => Findings.Error(rule, path, message);

    public void Warning(string rule, string path, string message) => Findings.Warning(rule, path, message);

    /// <summary>Reports a date-effective rule: an error once its policy is in force at
    /// <see cref="JudgedAt"/>, before that a warning that says when it will become one. A rule no
    /// policy governs is an error.</summary>
    public void DateEffective(string rule, string path, string message)
    {
        var policy = policies.FirstOrDefault(p => p.Rules.Contains(rule));
        if (policy is null || policy.IsInForceAt(JudgedAt))
        {
            Error(rule, path, message);
            return;
        }

        Warning(rule, path, $"{message} This becomes an error for submissions dated {policy.EffectiveFrom:yyyy-MM-dd} or later.");
    }
}
