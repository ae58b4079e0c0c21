namespace GenomDE.Orleans.GrainInterfaces.Cases;

/// <summary>The metadata.json of one genomic initial submission, kept apart from the case while
/// detailed QC may still judge its reported metrics, so the case's own (often written) state stays
/// small. Key: <see cref="KeyOf"/>.</summary>
[Alias("genomde.ISubmissionDocumentGrain")]
public interface ISubmissionDocumentGrain : IGrainWithStringKey
{
    [Alias("Keep")]
    Task Keep(string json);

    /// <summary>The document, or null when it was never kept or is dropped.</summary>
    [Alias("Get")]
    Task<string?> Get();

    /// <summary>Forgets the document once no detailed QC can come for the submission.</summary>
    [Alias("Drop")]
    Task Drop();

    /// <summary><c>caseKey/tan</c>, the TAN in lower case.</summary>
    static string KeyOf(string caseKey, string tan) => $"{caseKey}/{tan.ToLowerInvariant()}";
}
