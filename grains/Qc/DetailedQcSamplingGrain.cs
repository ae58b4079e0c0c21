using GenomDE.Orleans.Domain.Qc;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.Grains.Common;

namespace GenomDE.Orleans.Grains.Qc;

[GenerateSerializer, Alias("genomde.sampling-grain-state")]
public sealed class SamplingGrainState
{
    [Id(0)]
    public SamplingState? Sampling { get; set; }
}

/// <summary>Detailed-QC sampling of one LE in one quarter (key <c>IK-yyyy-Qn</c>); the sampler's
/// state carries its own replay protection, so the grain adds nothing per TAN.</summary>
[GrainType("detailed-qc-sampling")]
public sealed class DetailedQcSamplingGrain(
    [PersistentState("detailed-qc-sampling", StorageNames.Platform)] IPersistentState<SamplingGrainState> state)
    : Grain, IDetailedQcSamplingGrain
{
    /// <summary>The GDC's secret part of the seed: without it an LE cannot predict which of its
    /// submissions are checked. A deployment may replace it; picks stay reproducible per salt.</summary>
    public const string Salt = "genomde-platform-detailed-qc";

    public async Task<SamplingDecision> Decide(string tanG, DateOnly submissionDate)
    {
        for (var attempt = 1; attempt <= ConsistentWrites.Attempts; attempt++)
        {
            var submitterId = this.GetPrimaryKeyString().Split('-')[0];
            state.State.Sampling ??= SamplingState.Start(submitterId, submissionDate);
            var candidates = state.State.Sampling.Candidates;
            var decision = DetailedQcSampler.Official.Decide(state.State.Sampling, submissionDate, tanG, Salt);
            if (state.State.Sampling.Candidates == candidates || await state.TryWriteAsync())
            {
                return decision; // a replay changed nothing, or the decision is stored
            }
        }

        throw new InvalidOperationException($"Sampling state {this.GetPrimaryKeyString()} kept changing; decision for {tanG} not stored.");
    }
}
