namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>Detailed QC of one lab datum: its three metric verdicts and the QC workflow version
/// that produced the recomputed values (results of different versions are not comparable, so the
/// version is kept with every result). Passed only if every metric passed.</summary>
[GenerateSerializer, Immutable, Alias("genomde.detailed-qc-result")]
public sealed record DetailedQcResult(
    [property: Id(0)] string DonorPseudonym,
    [property: Id(1)] string LabDataName,
    [property: Id(2)] string LibraryType,
    [property: Id(3)] string SequenceSubtype,
    [property: Id(4)] IReadOnlyList<DetailedQcMetricResult> Metrics,
    [property: Id(5)] string QcWorkflowVersion)
{
    public bool Passed => Metrics.All(m => m.Passed);

    public IEnumerable<DetailedQcMetricResult> Failed => Metrics.Where(m => !m.Passed);

    /// <summary>Value equality including the metrics' contents (records compare lists by reference).</summary>
    public bool Equals(DetailedQcResult? other) =>
        other is not null
        && (DonorPseudonym, LabDataName, LibraryType, SequenceSubtype, QcWorkflowVersion)
            == (other.DonorPseudonym, other.LabDataName, other.LibraryType, other.SequenceSubtype, other.QcWorkflowVersion)
        && Metrics.SequenceEqual(other.Metrics);

    public override int GetHashCode() => HashCode.Combine(DonorPseudonym, LabDataName, QcWorkflowVersion);
}
