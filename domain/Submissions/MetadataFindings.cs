namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>Collects findings while the parser and the rules walk a document, so one pass reports
/// every problem instead of stopping at the first.</summary>
public sealed class MetadataFindings
{
    private readonly List<MetadataFinding> errors = [];
    private readonly List<MetadataFinding> warnings = [];

    public void Error(string rule, string path, string message) => errors.Add(new MetadataFinding(rule, path, message));

    public void Warning(string rule, string path, string message) => warnings.Add(new MetadataFinding(rule, path, message));

    public void Add(FindingSeverity severity, string rule, string path, string message)
    {
        if (severity == FindingSeverity.Error)
        {
            Error(rule, path, message);
        }
        else
        {
            Warning(rule, path, message);
        }
    }

    public MetadataValidationReport ToReport() => new([.. errors], [.. warnings]);
}
