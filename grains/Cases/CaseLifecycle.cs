using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.GrainInterfaces.Cases;

namespace GenomDE.Orleans.Grains.Cases;

/// <summary>A case's status follows from its submissions: nothing to derive twice, nothing to
/// keep in step. Test submissions run the whole path but never move a real case.</summary>
public static class CaseLifecycle
{
    public static CaseStatus Derive(IReadOnlyList<SubmissionView> submissions, bool withdrawn, bool billed = false, bool reimbursed = false)
    {
        if (reimbursed)
        {
            return CaseStatus.Reimbursed;
        }

        if (withdrawn)
        {
            return CaseStatus.Withdrawn;
        }

        if (billed)
        {
            return CaseStatus.Billed;
        }

        var real = submissions.Where(s => !s.IsTest).ToList();
        var counted = real.Count > 0 ? real : submissions.ToList();
        if (counted.Count == 0)
        {
            return CaseStatus.Registered;
        }

        var latest = Enum.GetValues<DataCategory>()
            .Select(c => counted.LastOrDefault(s => s.DataCategory == c && s.SubmissionType is SubmissionType.Initial or SubmissionType.Test))
            .ToList();
        // A case without sequencing is complete with its clinical half alone.
        if (latest[(int)DataCategory.Genomic] is null && latest[(int)DataCategory.Clinical] is { LibraryType: LibraryType.None } clinicalOnly)
        {
            latest = [clinicalOnly];
        }

        if (latest.Any(s => s is not null && s.Failed))
        {
            return CaseStatus.QcFailed;
        }

        if (!latest.All(s => s is { Status: SubmissionStatus.Reported, Report.DataQualityCheckPassed: true }))
        {
            return CaseStatus.DataTransferred;
        }

        return latest.All(s => s!.Confirmation?.Code is not null) ? CaseStatus.Confirmed : CaseStatus.QcPassed;
    }

    /// <summary>A revocation shows as a permit in the previous submission of the same category
    /// that the new one no longer carries.</summary>
    public static (bool MvSequencing, bool Research) Revocations(ConsentSnapshot? previous, ConsentSnapshot current) =>
        previous is null
            ? (false, false)
            : (previous.MvSequencing && !current.MvSequencing, previous.Research && !current.Research);
}
