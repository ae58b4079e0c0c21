using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.GrainInterfaces.Submissions;

namespace GenomDE.Orleans.Grains.Cases;

/// <summary>A case's status follows from its submissions: nothing to derive twice, nothing to
/// keep in step. Test submissions run the whole path but never move a real case.</summary>
public static class CaseLifecycle
{
    public static CaseStatus Derive(IReadOnlyList<SubmissionView> submissions, bool withdrawn)
    {
        if (withdrawn)
        {
            return CaseStatus.Withdrawn;
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
        if (latest.Any(s => s is not null && s.Failed))
        {
            return CaseStatus.QcFailed;
        }

        return latest.All(s => s is { Status: SubmissionStatus.Reported, Report.DataQualityCheckPassed: true })
            ? CaseStatus.QcPassed
            : CaseStatus.DataTransferred;
    }

    /// <summary>A revocation shows as a permit in the previous submission of the same category
    /// that the new one no longer carries.</summary>
    public static (bool MvSequencing, bool Research) Revocations(ConsentSnapshot? previous, ConsentSnapshot current) =>
        previous is null
            ? (false, false)
            : (previous.MvSequencing && !current.MvSequencing, previous.Research && !current.Research);
}
