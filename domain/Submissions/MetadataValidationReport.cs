namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>The outcome of basic metadata QC. Warnings never refuse a submission; they are kept
/// so the GDC can pass them on to the submitter.</summary>
public sealed record MetadataValidationReport(
    IReadOnlyList<MetadataFinding> Errors,
    IReadOnlyList<MetadataFinding> Warnings)
{
    public bool IsAccepted => Errors.Count == 0;

    public bool HasError(string rule) => Errors.Any(e => e.Rule == rule);

    public bool HasWarning(string rule) => Warnings.Any(w => w.Rule == rule);
}
