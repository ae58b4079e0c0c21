namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>Why a GDC's processing of a submission ended in the Error state (grz-db's failure
/// reasons; wire values in <see cref="WireNames.FailureReasons"/>).</summary>
[GenerateSerializer, Alias("genomde.basic-qc-failure-reason")]
public enum BasicQcFailureReason
{
    /// <summary>The tanG was used before: a TAN is never reused, not even for a correction.</summary>
    DuplicateTanG = 0,
    IncompleteSubmission = 1,
    DecryptionError = 2,
    NetworkError = 3,

    /// <summary>metadata.json or the files broke a basic QC rule.</summary>
    ValidationError = 4,
    FileNotFound = 5,
    EncryptionError = 6,
    UploadError = 7,
    Unknown = 8,
}
