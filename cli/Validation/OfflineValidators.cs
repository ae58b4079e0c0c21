using GenomDE.Orleans.Domain.Clinical;
using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Cli.Validation;

/// <summary>The one place the CLI reaches into the platform's own rules: the very validators the
/// grains run on a submission (from the domain project, no Orleans runtime), so an offline verdict is
/// the server's verdict.</summary>
public static class OfflineValidators
{
    public static ValidationVerdict Metadata(string json)
    {
        var report = MetadataValidator.Official.Validate(json);
        return new([.. report.Errors.Select(f => new Finding("error", f.Rule, f.Path, f.Message))],
            [.. report.Warnings.Select(f => new Finding("warning", f.Rule, f.Path, f.Message))]);
    }

    /// <param name="receivingNodeId">The KDK it will be sent to; null: the one it names.</param>
    public static ValidationVerdict Clinical(string json, string? receivingNodeId)
    {
        var outcome = ClinicalMetadataValidator.Official.Validate(json, receivingNodeId);
        var unread = outcome.Metadata is null && outcome.Report.IsAccepted
            ? new[] { new Finding("error", "malformed_json", "$", "The document is not a clinical metaData object.") }
            : [];
        return new([.. outcome.Report.Errors.Select(f => new Finding("error", f.Rule, f.Path, f.Message)), .. unread],
            [.. outcome.Report.Warnings.Select(f => new Finding("warning", f.Rule, f.Path, f.Message))]);
    }
}

public sealed record Finding(string Severity, string Rule, string Path, string Message);

public sealed record ValidationVerdict(IReadOnlyList<Finding> Errors, IReadOnlyList<Finding> Warnings)
{
    public bool Valid => Errors.Count == 0;
}
