using GenomDE.Orleans.Domain.Reports;
using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Domain.Clinical;

/// <summary>What every clinical rule needs: the document, where it was sent, the library type when
/// known, where to report, and the date-effective policies (shared with metadata.json).</summary>
public sealed class ClinicalValidationContext(
    ClinicalMetadata metadata,
    string? receivingNodeId,
    LibraryType? knownLibraryType,
    MetadataFindings findings,
    IReadOnlyList<MetadataPolicy> policies)
{
    public ClinicalMetadata Metadata { get; } = metadata;

    public ClinicalPaths Paths => Metadata.Paths;

    /// <summary>The KDK the data set was sent to; the document must name it.</summary>
    public string? ReceivingNodeId { get; } = receivingNodeId;

    /// <summary>The sequencing named in the case part if it was read, else what the caller knows
    /// from elsewhere; null when neither says.</summary>
    public LibraryType? LibraryType { get; } =
        WireNames.LibraryTypes.TryParse(metadata.Case?.LibraryType, out var fromCase) ? fromCase : knownLibraryType;

    /// <summary>The path the library type came from, for findings about it.</summary>
    public string LibraryTypePath =>
        Metadata.Case is { LibraryType: not null } c
            ? $"$.case.{(c.Kind == ClinicalDataSetKind.Oncology ? "diagnosisOd" : "diagnosisRd")}.libraryType"
            : Paths.Submission("diseaseType");

    public MetadataFindings Findings { get; } = findings;

    /// <summary>Without a readable submission date the strictest rules apply: an unknown date must
    /// not buy a grace period.</summary>
    public DateOnly JudgedAt { get; } = metadata.Submission.Date ?? DateOnly.MaxValue;

    public void Error(string rule, string path, string message) => Findings.Error(rule, path, message);

    /// <summary>An error once the rule's policy is in force at <see cref="JudgedAt"/>, a warning
    /// before, as for metadata.json (<see cref="MetadataValidationContext.DateEffective"/>).</summary>
    public void DateEffective(string rule, string path, string message)
    {
        var policy = policies.FirstOrDefault(p => p.Rules.Contains(rule));
        if (policy is null || policy.IsInForceAt(JudgedAt))
        {
            Error(rule, path, message);
            return;
        }

        Findings.Warning(rule, path, $"{message} This becomes an error for submissions dated {policy.EffectiveFrom:yyyy-MM-dd} or later.");
    }
}
