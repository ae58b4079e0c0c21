namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>One sequenced person: the index patient or a relative.</summary>
public sealed record GdcDonor(
    string? DonorPseudonym,
    string? Gender,
    string? Relation,
    GdcMvConsent MvConsent,
    IReadOnlyList<GdcResearchConsent> ResearchConsents,
    IReadOnlyList<GdcLabDatum> LabData)
{
    public bool IsIndex => Relation == "index";
}
