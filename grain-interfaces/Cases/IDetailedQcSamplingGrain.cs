using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.GrainInterfaces.Cases;

/// <summary>The stored detailed-QC selection of one LE in one quarter. Key: "{IK}-{year}-Q{n}".</summary>
[Alias("genomde.IDetailedQcSamplingGrain")]
public interface IDetailedQcSamplingGrain : IGrainWithStringKey
{
    /// <summary>Decides (once per TAN; a repeat returns the first decision) whether an initial
    /// submission that passed basic QC gets detailed QC.</summary>
    [Alias("Decide")]
    Task<SamplingDecision> Decide(string tanG, DateOnly submissionDate);
}
