using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Domain.Clinical;

/// <summary>The little the metaData rules need from the case part of a full clinical data set:
/// which variant it is and the sequencing it names (<c>diagnosisOd/diagnosisRd.libraryType</c>).</summary>
public sealed record ClinicalCase(ClinicalDataSetKind Kind, string? LibraryType);
