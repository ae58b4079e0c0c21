namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>Date-effective rules on what the index patient's data must contain; their severity
/// comes from <see cref="MetadataPolicies"/>, judged at the submission date.</summary>
public sealed class StudyDesignRules : IMetadataRule
{
    public void Check(MetadataValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var submission = context.Metadata.Submission;
        var index = context.Metadata.Donors.Select((d, i) => (Donor: d, Index: i)).Where(d => d.Donor.IsIndex).ToList();
        if (index.Count != 1)
        {
            // DonorRules reports the missing or ambiguous index; these rules need exactly one.
            return;
        }

        var (donor, position) = index[0];
        var labDataPath = GdcPaths.Field(GdcPaths.Donor(position), "labData");

        string[] required = submission.GenomicStudySubtype switch
        {
            "tumor-only" => ["somatic"],
            "tumor+germline" => ["somatic", "germline"],
            "germline-only" => ["germline"],
            _ => [],
        };
        var missing = required.Where(subtype => !donor.LabData.Any(l => l.SequenceSubtype == subtype)).ToList();
        if (missing.Count > 0)
        {
            context.DateEffective(MetadataRuleCodes.LabDataStudySubtypeMismatch, labDataPath,
                $"A '{submission.GenomicStudySubtype}' study needs index lab data of sequence subtype {string.Join(" and ", missing)}.");
        }

        if (submission.DiseaseType == "rare" && !donor.LabData.Any(l => l.LibraryType is "wgs" or "wgs_lr"))
        {
            context.DateEffective(MetadataRuleCodes.RareDiseaseIndexNotWgs, labDataPath,
                "For a rare disease the index donor needs a lab datum of library type 'wgs' or 'wgs_lr'.");
        }
    }
}
