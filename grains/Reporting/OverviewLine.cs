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
    /// <summary>Counted as grzctl counts, because BfArM compares this table with the one each GDC
    /// sends (the quarter of a row is its report day: receipt, else submission date).
    /// <list type="bullet">
    /// <item>End-to-end tests: submissions of type test; passed when basic QC passed and the check
    /// report, if one came, did not say failed.</item>
    /// <item>Submissions total/single/duo/trio: every submission, tests included; clinical
    /// submissions have no study type and count in the total only.</item>
    /// <item>Failed QCs: submissions whose detailed QC failed; a failed basic QC is not counted here.</item>
    /// <item>Revocations: as <see cref="ReportRows.Revocations"/> derives them, at the revoking submission.</item>
    /// <item>Deletions: always 0. Deletion requests (grz-db's change request "delete") are handled
    /// by the GDC against its archive; no deletion ever reaches the platform, so the platform does
    /// not know the number. The column stays so the table keeps the official shape.</item>
    /// </list>
    /// The platform's own reading, which leaves tests out of every submission figure (domain.md §3)
    /// and counts failed basic QC as failed, is the operator's statistics
    /// (<see cref="GrainInterfaces.Reporting.NodeStatistics"/>: <c>submissions</c> without tests,
    /// <c>testSubmissions</c>, <c>byOutcome.basic_qc_failed</c>), never a change of these columns.
    /// </summary>
    public static OverviewLine Of(IReadOnlyList<SubmissionRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var tests = rows.Where(r => r.IsTest).ToList();
        return new OverviewLine(
            tests.Count,
            tests.Count(r => r.BasicQcPassed == true && r.ReportPassed != false),
            rows.Count,
            rows.Count(r => r.GenomicStudyType == "single"),
            rows.Count(r => r.GenomicStudyType == "duo"),
            rows.Count(r => r.GenomicStudyType == "trio"),
            rows.Count(r => r.DetailedQc == DetailedQcState.Failed),
            new ConsentRevocations(
                rows.Sum(r => r.Revocations.MvIndex), rows.Sum(r => r.Revocations.ResearchIndex),
                rows.Sum(r => r.Revocations.MvNonIndex), rows.Sum(r => r.Revocations.ResearchNonIndex)),
            Deletions: 0);
    }
}
