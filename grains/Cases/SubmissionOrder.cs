using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.GrainInterfaces.Cases;

namespace GenomDE.Orleans.Grains.Cases;

/// <summary>Which submission types a case accepts next (DNPM:DIP and the hospitals' ETL): one
/// initial per data category; follow-ups, additions and corrections only after it. A submission
/// that failed QC does not count, so a failed initial is resent as a new initial with a new TAN.
/// Test submissions prove a site works end to end and are always allowed.</summary>
public static class SubmissionOrder
{
    public static DomainError? Check(IEnumerable<SubmissionView> existing, DataCategory category, SubmissionType type)
    {
        if (type == SubmissionType.Test)
        {
            return null;
        }

        var hasInitial = existing.Any(s => s.DataCategory == category && s.SubmissionType == SubmissionType.Initial && !s.Failed);
        var name = category.ToString().ToLowerInvariant();
        if (type == SubmissionType.Initial && hasInitial)
        {
            return DomainError.Conflict("initial_exists", "Initial submission exists",
                $"This case already has a {name} initial submission; send a followup, addition or correction (with a new TAN).");
        }

        if (type != SubmissionType.Initial && !hasInitial)
        {
            return DomainError.Conflict("initial_missing", "No initial submission",
                $"A {type.ToString().ToLowerInvariant()} needs a {name} initial submission of this case first.");
        }

        return null;
    }
}
