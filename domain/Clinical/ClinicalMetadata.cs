using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Domain.Clinical;

/// <summary>The <c>metaData</c> of a clinical data set (LE → KDK; MVGenomseq_KDK Submission.json
/// 1.6.x) as the parser understood it. Consent blocks have the same shape as in metadata.json and
/// reuse its types. Fields are null where the document lacked them or held the wrong type; the
/// parser has reported that already. <see cref="Case"/> is set only when a full data set
/// (<c>{"metaData": …, "case": …}</c>) was read; <see cref="Paths"/> says where the metaData sat,
/// so findings name places in the document as sent.</summary>
public sealed record ClinicalMetadata(
    string? TanC,
    ClinicalSubmission Submission,
    string? CoverageType,
    GdcMvConsent MvConsent,
    IReadOnlyList<GdcResearchConsent> ResearchConsents,
    string? LocalCaseId,
    string? Gender,
    BirthMonth? BirthDate,
    string? AddressAgs,
    bool? DecisionToInclude,
    DateOnly? MolecularBoardDecisionDate,
    string? RejectionJustification,
    ClinicalCase? Case,
    ClinicalPaths Paths);
