using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.GrainInterfaces.Participants;
using GenomDE.Orleans.GrainInterfaces.Reporting;
using GenomDE.Orleans.GrainInterfaces.Submissions;
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
    public void The_case_row_is_dated_by_its_registration_in_utc()
    {
        var fact = ReportRows.CaseFact(Case());

        Assert.Equal(new CaseRow("111111111:CASE-1", "111111111", new DateOnly(2025, 6, 30), CaseStatus.DataTransferred), fact.Case);
        Assert.Equal(new Dictionary<string, long> { ["cases|data_transferred"] = 1 }, Contributions.Of(fact));
    }
}
