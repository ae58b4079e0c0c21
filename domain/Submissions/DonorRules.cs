namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>Who is in the submission: one index patient, distinct donors, enough of them for the
/// study type, each with MV consent, and an index whose data a Prüfbericht can name.</summary>
public sealed class DonorRules : IMetadataRule
{
    /// <summary>The library types a Prüfbericht (and the billing code) can report.</summary>
    private static readonly string[] ReportableLibraryTypes = ["panel", "wes", "wgs", "wgs_lr"];

    /// <summary>Parents recruited before MV consent forms existed may rely on a broad consent
    /// presented up to this date (the official tooling's transitional exemption).</summary>
    private static readonly DateOnly ParentExemptionCutoff = new(2025, 6, 15);

    public void Check(MetadataValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var donors = context.Metadata.Donors;
        var indexCount = donors.Count(d => d.IsIndex);
        if (indexCount != 1)
        {
            context.Error(MetadataRuleCodes.IndexDonorCount, GdcPaths.Donors,
                $"Exactly one donor must have relation 'index'; found {indexCount}.");
        }

        CheckPseudonyms(context, donors);
        CheckDonorCount(context, donors);

        for (var i = 0; i < donors.Count; i++)
        {
            var donor = donors[i];
            if (context.Metadata.Submission.SubmissionType == "initial" && !ConsentsToMv(donor, context.JudgedAt))
            {
                context.Error(MetadataRuleCodes.MvSequencingPermitMissing, GdcPaths.Field(GdcPaths.Donor(i), "mvConsent.scope"),
                    "An initial submission needs an mvSequencing permit from every donor.");
            }

            if (donor.IsIndex && !donor.LabData.Any(l => ReportableLibraryTypes.Contains(l.LibraryType)))
            {
                context.Error(MetadataRuleCodes.IndexLibraryTypeMissing, GdcPaths.Field(GdcPaths.Donor(i), "labData"),
                    $"The index donor needs a lab datum with library type {string.Join(", ", ReportableLibraryTypes)}.");
            }
        }
    }

    private static void CheckPseudonyms(MetadataValidationContext context, IReadOnlyList<GdcDonor> donors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < donors.Count; i++)
        {
            if (donors[i].DonorPseudonym is { } pseudonym && !seen.Add(pseudonym))
            {
                context.Error(MetadataRuleCodes.DonorPseudonymDuplicate, GdcPaths.Field(GdcPaths.Donor(i), "donorPseudonym"),
                    $"Donor pseudonym '{pseudonym}' is used by more than one donor.");
            }
        }
    }

    private static void CheckDonorCount(MetadataValidationContext context, IReadOnlyList<GdcDonor> donors)
    {
        var studyType = context.Metadata.Submission.GenomicStudyType;
        var needed = studyType switch
        {
            "single" => 1,
            "duo" => 2,
            "trio" => 3,
            _ => 0,
        };
        if (donors.Count < needed)
        {
            context.Error(MetadataRuleCodes.DonorCountForStudyType, GdcPaths.Donors,
                $"A {studyType} study needs at least {needed} donor(s); found {donors.Count}.");
        }
    }

    /// <summary>An mvSequencing permit; or, for a parent without any MV module, a research consent
    /// presented by the cut-off that grants research use at the submission date.</summary>
    private static bool ConsentsToMv(GdcDonor donor, DateOnly judgedAt)
    {
        if (donor.MvConsent.Scope.Count > 0)
        {
            return donor.MvConsent.PermitsSequencing;
        }

        return donor.Relation is "mother" or "father"
            && donor.ResearchConsents.Any(c =>
                c.PresentationDate <= ParentExemptionCutoff
                && c.Scope is { } scope
                && MiiBroadConsent.Read(scope, []).PermitsResearchAt(judgedAt));
    }
}
