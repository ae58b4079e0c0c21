using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Domain.Clinical;

/// <summary>Value lists only the clinical data set has; shared ones come from <see cref="GdcVocabulary"/>.</summary>
public static class ClinicalVocabulary
{
    /// <summary>Why the case board decided against inclusion.</summary>
    public static readonly GdcVocabulary RejectionJustification = new(ClinicalRuleCodes.RejectionJustificationInvalid,
    [
        "targetedDiagnosticRecommended",
        "probablyPsychosomaticIllness",
        "probablyCommonDisease",
        "probablyNoGeneticCause",
        "otherReason",
    ]);

    /// <summary>The sequencing named in the case part (diagnosisOd/diagnosisRd.libraryType).</summary>
    public static readonly GdcVocabulary CaseLibraryType = new(GdcVocabulary.LibraryType.Rule, ["panel", "wes", "wgs", "wgs_lr", "none"]);
}
