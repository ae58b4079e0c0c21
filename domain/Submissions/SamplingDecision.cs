namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>Whether a submission goes to detailed QC, and why.</summary>
[GenerateSerializer, Immutable, Alias("genomde.sampling-decision")]
public sealed record SamplingDecision(
    [property: Id(0)] bool Picked,
    [property: Id(1)] SamplingReason Reason);
