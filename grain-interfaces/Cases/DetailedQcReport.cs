using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.GrainInterfaces.Cases;

/// <summary>What a GDC's QC workflow recomputed for one lab datum of a sampled submission.</summary>
[GenerateSerializer, Immutable, Alias("genomde.detailed-qc-report")]
public sealed record DetailedQcReport(
    [property: Id(0)] string DonorPseudonym,
    [property: Id(1)] string LabDataName,
    [property: Id(2)] string QcWorkflowVersion,
    [property: Id(3)] RecomputedMetrics Recomputed);
