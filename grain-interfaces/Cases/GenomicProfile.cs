using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.GrainInterfaces.Cases;

/// <summary>What the quarterly report needs from a genomic submission's metadata.json beyond the
/// check-report fields: the study design and, per donor, relation, consent and lab data. Kept with
/// the submission when it is accepted, because the document itself is not kept.</summary>
[GenerateSerializer, Immutable, Alias("genomde.genomic-profile")]
public sealed record GenomicProfile(
    [property: Id(0)] string GenomicStudyType,
    [property: Id(1)] string GenomicStudySubtype,
    [property: Id(2)] IReadOnlyList<DonorProfile> Donors)
{
    public DonorProfile? Index => Donors.FirstOrDefault(d => d.IsIndex);

    /// <summary>Value equality including the donors (records compare lists by reference).</summary>
    public bool Equals(GenomicProfile? other) =>
        other is not null && (GenomicStudyType, GenomicStudySubtype) == (other.GenomicStudyType, other.GenomicStudySubtype)
        && Donors.SequenceEqual(other.Donors);

    public override int GetHashCode() => HashCode.Combine(GenomicStudyType, GenomicStudySubtype, Donors.Count);
}

/// <summary>One donor of a genomic submission. <see cref="NoScopeJustifications"/> are the reasons
/// given instead of a research consent scope, sorted and joined by ';' (empty when none).</summary>
[GenerateSerializer, Immutable, Alias("genomde.donor-profile")]
public sealed record DonorProfile(
    [property: Id(0)] string DonorPseudonym,
    [property: Id(1)] string Relation,
    [property: Id(2)] bool MvSequencing,
    [property: Id(3)] bool Research,
    [property: Id(4)] string NoScopeJustifications,
    [property: Id(5)] IReadOnlyList<LabProfile> LabData)
{
    public bool IsIndex => Relation == "index";

    public bool Equals(DonorProfile? other) =>
        other is not null && (DonorPseudonym, Relation, MvSequencing, Research, NoScopeJustifications)
            == (other.DonorPseudonym, other.Relation, other.MvSequencing, other.Research, other.NoScopeJustifications)
        && LabData.SequenceEqual(other.LabData);

    public override int GetHashCode() => HashCode.Combine(DonorPseudonym, Relation, LabData.Count);
}

/// <summary>One lab datum as metadata.json names it, with the official minimum quality and
/// coverage it was measured against (null where the document lacked them).</summary>
[GenerateSerializer, Immutable, Alias("genomde.lab-profile")]
public sealed record LabProfile(
    [property: Id(0)] string LabDataName,
    [property: Id(1)] string SequenceType,
    [property: Id(2)] string SequenceSubtype,
    [property: Id(3)] string LibraryType,
    [property: Id(4)] double? MinimumQuality,
    [property: Id(5)] double? MinCoverage);
