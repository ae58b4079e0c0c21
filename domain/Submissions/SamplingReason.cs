namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>Why a submission was or was not picked for detailed QC; kept with the pick so the
/// quarterly report can tell the monthly floor from the random sample.</summary>
[GenerateSerializer, Alias("genomde.sampling-reason")]
public enum SamplingReason
{
    NotPicked = 0,

    /// <summary>The first eligible submission of the LE in a calendar month without a pick yet.</summary>
    MonthlyMinimum = 1,

    /// <summary>The seeded random position within its block of the LE's quarter.</summary>
    RandomSample = 2,
}
