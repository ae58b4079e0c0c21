namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>One broken rule in a document a participant sent (Prüfbericht, clinical metaData, QC
/// results): <see cref="Rule"/> is a stable code, <see cref="Path"/> a JSONPath into the document as
/// sent, so the sender can find the value without reading our code.</summary>
[GenerateSerializer, Immutable, Alias("genomde.submission-finding")]
public sealed record SubmissionFinding(
    [property: Id(0)] string Rule,
    [property: Id(1)] string Path,
    [property: Id(2)] string Message);
