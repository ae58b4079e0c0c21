namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>The official date-effective rule changes, one policy per effective date.</summary>
public static class MetadataPolicies
{
    /// <summary>Published with grz-pydantic-models 2.5.0: the index's lab data must cover what the
    /// genomic study subtype promises (tumor → somatic, germline → germline).</summary>
    public static readonly MetadataPolicy LabDataFitStudySubtype = new(
        new DateOnly(2025, 12, 4),
        "Index lab data must fit the genomic study subtype",
        [MetadataRuleCodes.LabDataStudySubtypeMismatch]);

    /// <summary>Rare-disease cases must be whole-genome sequenced, and LE-side excuses for a missing
    /// research consent end.</summary>
    public static readonly MetadataPolicy WgsForRareDiseaseAndPatientRelatedJustifications = new(
        new DateOnly(2026, 6, 1),
        "Rare disease needs WGS for the index; noScopeJustification must be patient-related",
        [MetadataRuleCodes.RareDiseaseIndexNotWgs, MetadataRuleCodes.NoScopeJustificationNotPatientRelated]);

    public static readonly IReadOnlyList<MetadataPolicy> Official =
    [
        LabDataFitStudySubtype,
        WgsForRareDiseaseAndPatientRelatedJustifications,
    ];
}
