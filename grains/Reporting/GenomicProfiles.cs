using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.GrainInterfaces.Cases;

namespace GenomDE.Orleans.Grains.Reporting;

/// <summary>The part of an accepted metadata.json the quarterly report needs later (study design,
/// donors' relations, consents and lab data), taken when the submission is accepted because the
/// document itself is not kept.</summary>
public static class GenomicProfiles
{
    public static GenomicProfile Of(GdcMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return new GenomicProfile(
            metadata.Submission.GenomicStudyType ?? "",
            metadata.Submission.GenomicStudySubtype ?? "",
            [.. metadata.Donors.Select(Donor)]);
    }

    private static DonorProfile Donor(GdcDonor donor) => new(
        donor.DonorPseudonym ?? "",
        donor.Relation ?? "",
        donor.MvConsent.PermitsSequencing,
        donor.ResearchConsents.Any(r => r.HasScope),
        string.Join(';', donor.ResearchConsents.Select(r => r.NoScopeJustification).OfType<string>().Distinct().Order(StringComparer.Ordinal)),
        [.. donor.LabData.Select(l => new LabProfile(
            l.LabDataName ?? "",
            l.SequenceType ?? "",
            l.SequenceSubtype ?? "",
            l.LibraryType ?? "",
            l.SequenceData?.PercentBasesAboveQualityThreshold.MinimumQuality,
            l.SequenceData?.MinCoverage))]);
}
