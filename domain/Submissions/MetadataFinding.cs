namespace GenomDE.Orleans.Domain.Submissions;

public enum FindingSeverity
{
    Error,
    Warning,
}

/// <summary>One broken or doubtful rule in a metadata.json: <see cref="Rule"/> is a stable code
/// (see <see cref="MetadataRuleCodes"/>), <see cref="Path"/> a JSONPath to the offending value, so a
/// submitter can find it without reading our code.</summary>
public sealed record MetadataFinding(string Rule, string Path, string Message);
