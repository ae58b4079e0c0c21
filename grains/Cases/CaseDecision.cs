using GenomDE.Orleans.GrainInterfaces.Cases;

namespace GenomDE.Orleans.Grains.Cases;

/// <summary>What a command decided: the case after it and the answer to give.</summary>
public sealed record CaseDecision<T>(CaseView Case, T Answer, bool Withdrawn);
