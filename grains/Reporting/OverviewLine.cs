using GenomDE.Orleans.GrainInterfaces.Reporting;

namespace GenomDE.Orleans.Grains.Reporting;

/// <summary>The overview figures of one LE at one node in one quarter (report table 1), counted
/// from that LE's submission rows.</summary>
public sealed record OverviewLine(
    int Tests,
    int PassedTests,
    int Total,
    int Singles,
    int Duos,
    int Trios,
    int FailedQcs,
    ConsentRevocations Revocations,
    int Deletions)
{
    /// <summary>
    /// <list type="bullet">
    /// <item>End-to-end tests: submissions of type test; passed when basic QC passed and the check
    /// report, if one came, did not say failed.</item>
    /// <item>Submissions total/single/duo/trio: all but tests (domain.md §3: tests are left out of
    /// statistics; grzctl counts them here too); clinical submissions have no study type and count
    /// in the total only.</item>
    /// <item>Failed QCs: non-test submissions whose basic QC or detailed QC failed (grzctl counts
    /// failed detailed QC only; a failed basic QC is a failed QC all the same).</item>
    /// <item>Revocations: non-test submissions, as <see cref="ReportRows.Revocations"/> derives them, at the revoking
    /// submission.</item>
    /// <item>Deletions: always 0. Deletion requests (grz-db's change request "delete") are handled
    /// by the GDC against its archive; no deletion ever reaches the platform, so the platform does
    /// not know the number. The column stays so the table keeps the official shape.</item>
    /// </list>
    /// </summary>
    public static OverviewLine Of(IReadOnlyList<SubmissionRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var tests = rows.Where(r => r.IsTest).ToList();
        var real = rows.Where(r => !r.IsTest).ToList();
        return new OverviewLine(
            tests.Count,
            tests.Count(r => r.BasicQcPassed == true && r.ReportPassed != false),
            real.Count,
            real.Count(r => r.GenomicStudyType == "single"),
            real.Count(r => r.GenomicStudyType == "duo"),
            real.Count(r => r.GenomicStudyType == "trio"),
            real.Count(r => r.BasicQcPassed == false || r.DetailedQc == DetailedQcState.Failed),
            new ConsentRevocations(
                real.Sum(r => r.Revocations.MvIndex), real.Sum(r => r.Revocations.ResearchIndex),
                real.Sum(r => r.Revocations.MvNonIndex), real.Sum(r => r.Revocations.ResearchNonIndex)),
            Deletions: 0);
    }
}
