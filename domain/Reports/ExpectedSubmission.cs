using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Domain.Reports;

/// <summary>What the platform knows about a submission, built by the case grain from what it
/// stored, against which a node's Prüfbericht is cross-checked. <see cref="NodeId"/> is the node
/// that received the data (and so must send the report). <see cref="LibraryType"/> is null when the
/// platform cannot know it (e.g. a clinical submission whose case part it never saw); it is then
/// not checked.</summary>
public sealed record ExpectedSubmission(
    string Tan,
    string SubmitterId,
    string NodeId,
    Indication DiseaseType,
    DataCategory DataCategory,
    SubmissionType SubmissionType,
    LibraryType? LibraryType,
    CoverageType CoverageType);
