namespace GenomDE.Orleans.Domain.Clinical;

/// <summary>The two variants of the clinical data set; each fixes which disease types it may carry.</summary>
public enum ClinicalDataSetKind
{
    /// <summary>Oncology.json: diseaseType oncological or hereditary.</summary>
    Oncology,

    /// <summary>RareDiseases.json: diseaseType rare.</summary>
    RareDiseases,
}
