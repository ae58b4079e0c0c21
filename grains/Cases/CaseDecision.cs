using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Cases;

namespace GenomDE.Orleans.Grains.Cases;

/// <summary>What a command decided: the case after it and the answer to give. A command that is
/// refused but must still leave a trace (a check report that contradicts its submission) carries
/// <see cref="Refused"/>: the case is stored with that trace and the refusal is the stored answer,
/// so a replay answers the same refusal and emits nothing twice.</summary>
public sealed record CaseDecision<T>(CaseView Case, T Answer, bool Withdrawn, DomainError? Refused = null);
