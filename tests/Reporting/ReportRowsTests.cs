using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.Domain.Reporting;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.GrainInterfaces.Reporting;
using GenomDE.Orleans.Grains.Reporting;

namespace GenomDE.Orleans.Tests.Reporting;

/// <summary>How a case's submissions become report rows: consent revocations per donor kind,
/// the index donor's lab data, the failed detailed QC's donor and lab datum.</summary>
public sealed class ReportRowsTests
{
    private static readonly DateTimeOffset Registered = new(2025, 6, 30, 22, 30, 0, TimeSpan.Zero);

    private static GenomicProfile Trio(bool indexResearch = true, bool motherMv = true, bool fatherResearch = true) => new("trio", "germline-only",
    [
        new DonorProfile("idx", "index", true, indexResearch, "", [new LabProfile("blood", "dna", "germline", "wgs", 30, 20), new LabProfile("rna", "rna", "germline", "wgs", 30, 20)]),
        new DonorProfile("mum", "mother", motherMv, true, "", [new LabProfile("blood-m", "dna", "germline", "wgs", 30, 20)]),
        new DonorProfile("dad", "father", true, fatherResearch, "", [new LabProfile("blood-f", "dna", "germline", "wgs", 30, 20)]),
    ]);

    private static SubmissionView Submission(string tan, SubmissionType type, GenomicProfile profile, DataCategory category = DataCategory.Genomic) =>
        new(tan, category, type, "GRZTST001", new DateOnly(2025, 7, 1), Indication.Rare, CoverageType.Gkv, LibraryType.Wgs,
            new ConsentSnapshot(profile.Index!.MvSequencing, profile.Index.Research), SubmissionStatus.Submitted, null, null, null, null, "digest", Registered,
            Genomic: profile);

    private static CaseView Case(params SubmissionView[] submissions) =>
        new("111111111", "CASE-1", CaseStatus.DataTransferred, submissions, [new CaseEvent(Registered, "registered", null, "provider:111111111")]);

    [Fact]
    public void Revocations_compare_each_donor_with_its_last_earlier_submission()
    {
        var initial = Submission("t1", SubmissionType.Initial, Trio());
        var followup = Submission("t2", SubmissionType.Followup, Trio(indexResearch: false, motherMv: false, fatherResearch: false));
        var correction = Submission("t3", SubmissionType.Correction, Trio(indexResearch: false, motherMv: false, fatherResearch: false));
        var current = Case(initial, followup, correction);

        Assert.Equal(ConsentRevocations.None, ReportRows.Revocations(current.Submissions, initial));
        Assert.Equal(new ConsentRevocations(0, 1, 1, 1), ReportRows.Revocations(current.Submissions, followup));
        Assert.Equal(ConsentRevocations.None, ReportRows.Revocations(current.Submissions, correction)); // nothing left to revoke
    }

    [Fact]
    public void A_row_carries_the_index_donors_lab_data_and_the_failed_detailed_qcs_donor()
    {
        var metrics = new[]
        {
            new DetailedQcMetricResult(DetailedQcMetric.PercentBasesAboveQualityThreshold, 88, 88, 85, 0, DetailedQcStatus.Pass),
            new DetailedQcMetricResult(DetailedQcMetric.MeanDepthOfCoverage, 40, 20, 30, -50, DetailedQcStatus.TooLow),
        };
        var submission = Submission("ABC", SubmissionType.Initial, Trio()) with
        {
            DetailedQc = new DetailedQcResult("mum", "blood-m", "wgs", "germline", metrics, "1.1.0"),
        };

        var fact = ReportRows.SubmissionFact(Case(submission), submission);

        var row = fact.Submission!;
        Assert.Equal(("abc", 1, "111111111"), (fact.Key, fact.Revision, row.SubmitterId));
        Assert.Equal(("dna;rna", "germline", "wgs"), (row.IndexSequenceTypes, row.IndexSequenceSubtypes, row.IndexLibraryTypes));
        Assert.Equal(DetailedQcState.Failed, row.DetailedQc);
        var failure = row.DetailedQcFailure!;
        Assert.Equal(("mother", "dna", 30.0, 20.0), (failure.Relation, failure.SequenceType, failure.MinimumQuality, failure.MinCoverage));
        Assert.Equal(-50, failure.Depth!.DeviationPercent);
        Assert.Null(failure.Targets);
    }

    [Fact]
    public void A_registration_counts_the_case_and_a_new_submission_its_row()
    {
        var registered = Case();
        var submitted = Case(Submission("t1", SubmissionType.Initial, Trio()));

        var first = ReportRows.Change(null, registered)!;
        Assert.Empty(first.Rows);
        Assert.Equal(new Dictionary<string, long> { ["cases|data_transferred"] = 1 }, first.Counters);

        var second = ReportRows.Change(registered, submitted)!;
        var placed = Assert.Single(second.Rows);
        Assert.Equal(("GRZTST001/2025-07-01/0", "t1", 1), (placed.Bucket, placed.Fact.Key, placed.Fact.Revision));
        // The console's submissions per node and ISO week: 2025-07-01 is in week 27.
        Assert.Equal(new Dictionary<string, long> { ["submissions|GRZTST001|genomic|initial|submitted"] = 1, ["submissions-week|GRZTST001|2025-W27"] = 1 }, second.Counters);
        Assert.Null(ReportRows.Change(submitted, submitted)); // nothing changed, nothing to project
    }

    [Fact]
    public void Receipt_moves_the_row_to_the_day_the_data_arrived_in_german_time_and_leaves_a_tombstone()
    {
        var submission = Submission("t1", SubmissionType.Initial, Trio());
        var before = Case(submission);
        var received = submission with { Status = SubmissionStatus.Received, ReceivedAt = new DateTimeOffset(2025, 9, 30, 22, 30, 0, TimeSpan.Zero) };
        var after = before with { Submissions = [received], History = [.. before.History, new CaseEvent(received.ReceivedAt!.Value, "data received", "t1", "gdc:GRZTST001")] };

        var change = ReportRows.Change(before, after)!;

        // 22:30 UTC on 30 September is 00:30 on 1 October in Germany: the next quarter.
        Assert.Equal(new DateOnly(2025, 10, 1), change.Rows[0].Fact.Submission!.ReceivedOn);
        Assert.Equal(["GRZTST001/2025-10-01/0", "GRZTST001/2025-07-01/0"], change.Rows.Select(r => r.Bucket));
        Assert.All(change.Rows, r => Assert.Equal(2, r.Fact.Revision));
        Assert.Null(change.Rows[1].Fact.Submission); // tombstone where the row was
        Assert.Equal(new Dictionary<string, long>
        {
            ["submissions|GRZTST001|genomic|initial|submitted"] = -1,
            ["submissions|GRZTST001|genomic|initial|received"] = 1,
        }, change.Counters);
    }
}
