using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.GrainInterfaces.Submissions;
using GenomDE.Orleans.Grains.Common;

namespace GenomDE.Orleans.Grains.Qc;

[GenerateSerializer, Alias("genomde.sampling-grain-state")]
public sealed class SamplingGrainState
{
    [Id(0)]
    public SamplingState? Sampling { get; set; }

    /// <summary>Every decision by TAN, so a repeated question gets the stored answer.</summary>
    [Id(1)]
    public Dictionary<string, SamplingDecision> Decisions { get; set; } = [];
}

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
        var tan = tanG.ToLowerInvariant();
        for (var attempt = 1; attempt <= ConsistentWrites.Attempts; attempt++)
        {
            if (state.State.Decisions.TryGetValue(tan, out var known))
            {
                return known;
            }

            var submitterId = this.GetPrimaryKeyString().Split('-')[0];
            state.State.Sampling ??= SamplingState.Start(submitterId, submissionDate);
            var decision = DetailedQcSampler.Official.Decide(state.State.Sampling, submissionDate, tan, Salt);
            state.State.Decisions[tan] = decision;
            if (await state.TryWriteAsync())
            {
                return decision;
            }
        }

        throw new InvalidOperationException($"Sampling state {this.GetPrimaryKeyString()} kept changing; decision for {tan} not stored.");
    }
}
