using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.Domain.Reports;

namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>The official JSON values of the submission enums, shared by the grains (which parse
/// node documents) and the REST edge (which writes them back out).</summary>
public static class WireNames
{
    public static readonly WireVocabulary<SubmissionType> SubmissionTypes = new(
        (SubmissionType.Initial, "initial"),
        (SubmissionType.Followup, "followup"),
        (SubmissionType.Addition, "addition"),
        (SubmissionType.Correction, "correction"),
        (SubmissionType.Test, "test"));

    public static readonly WireVocabulary<Indication> DiseaseTypes = new(
        (Indication.Oncological, "oncological"),
        (Indication.Rare, "rare"),
        (Indication.Hereditary, "hereditary"));

    public static readonly WireVocabulary<DataCategory> DataCategories = new(
        (DataCategory.Clinical, "clinical"),
        (DataCategory.Genomic, "genomic"));

    public static readonly WireVocabulary<LibraryType> LibraryTypes = new(
        (LibraryType.Panel, "panel"),
        (LibraryType.Wes, "wes"),
        (LibraryType.Wgs, "wgs"),
        (LibraryType.WgsLr, "wgs_lr"),
        (LibraryType.None, "none"));

    public static readonly WireVocabulary<CoverageType> CoverageTypes = new(
        (CoverageType.Gkv, "GKV"),
        (CoverageType.Pkv, "PKV"),
        (CoverageType.Bg, "BG"),
        (CoverageType.Sel, "SEL"),
        (CoverageType.Soz, "SOZ"),
        (CoverageType.Gpv, "GPV"),
        (CoverageType.Ppv, "PPV"),
        (CoverageType.Bei, "BEI"),
        (CoverageType.Skt, "SKT"),
        (CoverageType.Unk, "UNK"));

    public static readonly WireVocabulary<BasicQcFailureReason> FailureReasons = new(
        (BasicQcFailureReason.DuplicateTanG, "duplicate_tang"),
        (BasicQcFailureReason.IncompleteSubmission, "incomplete_submission"),
        (BasicQcFailureReason.DecryptionError, "decryption_error"),
        (BasicQcFailureReason.NetworkError, "network_error"),
        (BasicQcFailureReason.ValidationError, "validation_error"),
        (BasicQcFailureReason.FileNotFound, "file_not_found"),
        (BasicQcFailureReason.EncryptionError, "encryption_error"),
        (BasicQcFailureReason.UploadError, "upload_error"),
        (BasicQcFailureReason.Unknown, "unknown"));

    public static readonly WireVocabulary<DetailedQcStatus> QcStatuses = new(
        (DetailedQcStatus.Pass, "PASS"),
        (DetailedQcStatus.ThresholdNotMet, "THRESHOLD NOT MET"),
        (DetailedQcStatus.TooLow, "TOO LOW"));

    public static readonly WireVocabulary<DetailedQcMetric> QcMetrics = new(
        (DetailedQcMetric.PercentBasesAboveQualityThreshold, "percentBasesAboveQualityThreshold"),
        (DetailedQcMetric.MeanDepthOfCoverage, "meanDepthOfCoverage"),
        (DetailedQcMetric.TargetedRegionsAboveMinCoverage, "targetedRegionsAboveMinCoverage"));
}
