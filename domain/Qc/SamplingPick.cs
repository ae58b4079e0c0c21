using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Domain.Qc;

/// <summary>One submission picked for detailed QC; the stored selection the GDC must be able to show.
/// <see cref="CandidateIndex"/> is its 0-based position among the LE's eligible submissions of the quarter.</summary>
[GenerateSerializer, Immutable, Alias("genomde.sampling-pick")]
public sealed record SamplingPick(
    [property: Id(0)] string TanG,
    [property: Id(1)] DateOnly SubmissionDate,
    [property: Id(2)] int CandidateIndex,
    [property: Id(3)] SamplingReason Reason);
