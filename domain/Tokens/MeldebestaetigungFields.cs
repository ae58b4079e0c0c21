using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>The one-character values of the Meldebestätigung fields (domain.md §5), kept once here
/// because the token's own <see cref="Meldebestaetigung.HashString"/> and the grains' parser must
/// agree character for character. Sequencing deliberately differs from the reimbursement order of
/// <see cref="LibraryType"/> (WGS is 1, panel 3): the numbers are BfArM's, not ours.</summary>
public static class MeldebestaetigungFields
{
    public const string QcFailed = "0";
    public const string QcPassed = "1";

    /// <summary>Field 5. Test is 9, not the next number, so it stays apart from the billable types.</summary>
    public static readonly WireVocabulary<SubmissionType> ReportTypes = new(
        (SubmissionType.Initial, "0"),
        (SubmissionType.Followup, "1"),
        (SubmissionType.Addition, "2"),
        (SubmissionType.Correction, "3"),
        (SubmissionType.Test, "9"));

    /// <summary>Field 6.</summary>
    public static readonly WireVocabulary<Indication> Indications = new(
        (Indication.Oncological, "O"),
        (Indication.Rare, "R"),
        (Indication.Hereditary, "H"));

    /// <summary>Field 8.</summary>
    public static readonly WireVocabulary<PayerCategory> Payers = new(
        (PayerCategory.Gkv, "1"),
        (PayerCategory.Pkv, "2"),
        (PayerCategory.Beihilfe, "3"),
        (PayerCategory.Other, "4"));

    /// <summary>Field 9.</summary>
    public static readonly WireVocabulary<DataCategory> DataCategories = new(
        (DataCategory.Clinical, "C"),
        (DataCategory.Genomic, "G"));

    /// <summary>Field 10. Only the Prüfbericht library types exist here; metadata.json's finer types
    /// (panel_lr, wes_lr, wxs, …) never reach a Prüfbericht, see <c>GenomDE.Orleans.Domain.Reports.LibraryTypes</c>.</summary>
    public static readonly WireVocabulary<LibraryType> Sequencing = new(
        (LibraryType.None, "0"),
        (LibraryType.Wgs, "1"),
        (LibraryType.Wes, "2"),
        (LibraryType.Panel, "3"),
        (LibraryType.WgsLr, "4"));

    /// <summary>Field 11.</summary>
    public static string QcResultOf(bool passed) => passed ? QcPassed : QcFailed;

    /// <summary>Field 8 from the Prüfbericht's coverage type. Only GKV, PKV and Beihilfe have their
    /// own value; BG, self-payers, social welfare, the care insurances, other and unknown payers all
    /// fall into "other", as the field has no finer values.</summary>
    public static PayerCategory PayerOf(CoverageType coverage) => coverage switch
    {
        CoverageType.Gkv => PayerCategory.Gkv,
        CoverageType.Pkv => PayerCategory.Pkv,
        CoverageType.Bei => PayerCategory.Beihilfe,
        _ => PayerCategory.Other,
    };
}
