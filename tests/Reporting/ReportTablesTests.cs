using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.GrainInterfaces.Reporting;
using GenomDE.Orleans.Grains.Reporting;

namespace GenomDE.Orleans.Tests.Reporting;

/// <summary>The quarterly tables' figures and TSV form, from rows built by hand.</summary>
public sealed class ReportTablesTests
{
    private const string Node = "GRZTST001";
    private static readonly ReportQuarter Q3 = new(2025, 3);

    /// <summary>A reported, passed genomic single initial of LE 111111111 on 2025-07-01.</summary>
    public static SubmissionRow Row(string tan = "a1", string submitter = "111111111", string date = "2025-07-01") => new(
        tan, Node, submitter, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), DataCategory.Genomic, SubmissionType.Initial,
        CoverageType.Gkv, Indication.Oncological, SubmissionStatus.Reported, BasicQcPassed: true, ReportPassed: true, TokenIssued: true,
        MvConsent: true, ResearchConsent: true, "single", "tumor-only", "dna", "somatic", "panel", null,
        DetailedQcState.NotPerformed, null, ConsentRevocations.None, LibraryType.Panel);

    [Fact]
    public void The_overview_counts_per_le_tests_study_types_failed_qcs_and_revocations()
    {
        SubmissionRow[] rows =
        [
            Row("a1"),
            Row("a2") with { GenomicStudyType = "duo", DetailedQc = DetailedQcState.Failed },
            Row("a3") with { GenomicStudyType = "trio", BasicQcPassed = false, ReportPassed = false },
            Row("a4") with { SubmissionType = SubmissionType.Followup, Revocations = new ConsentRevocations(1, 1, 2, 0) },
            Row("a5") with { SubmissionType = SubmissionType.Test },
            Row("a6") with { SubmissionType = SubmissionType.Test, BasicQcPassed = false, Revocations = new ConsentRevocations(1, 0, 0, 0) },
            Row("a7") with { SubmissionType = SubmissionType.Test, ReportPassed = false },
            Row("b1", "222222222"),
        ];

        var line = OverviewLine.Of(rows.Where(r => r.SubmitterId == "111111111").ToList());

        // As grzctl counts: tests are in the totals and study types, and only a failed detailed QC is a failed QC.
        Assert.Equal(new OverviewLine(3, 1, 7, 5, 1, 1, 1, new ConsentRevocations(2, 1, 2, 0), 0), line);
        Assert.Equal(
            "genomicDataCenterId\tquarter\tyear\tsubmitterId\tnumber_of_end-to-end_tests\tnumber_of_passed_end-to-end_tests\tnumber_of_submissions_total\t"
            + "number_of_submissions_single\tnumber_of_submissions_duo\tnumber_of_submissions_trio\tnumber_of_failed_qcs\tnumber_of_mv_consent_revocations_index\t"
            + "number_of_research_consent_revocations_index\tnumber_of_mv_consent_revocations_not_index\tnumber_of_research_consent_revocations_not_index\tnumber_of_deletions\n"
            + "GRZTST001\t3\t2025\t111111111\t3\t1\t7\t5\t1\t1\t1\t2\t1\t2\t0\t0\n"
            + "GRZTST001\t3\t2025\t222222222\t0\t0\t1\t1\t0\t0\t0\t0\t0\t0\t0\t0\n",
            QuarterlyTables.Render(QuarterlyTable.Overview, Node, Q3, rows));
    }

    [Fact]
    public void Only_the_nodes_rows_of_the_quarter_appear_in_date_order()
    {
        SubmissionRow[] rows =
        [
            Row("late", date: "2025-09-30"), Row("early", date: "2025-07-01"), Row("q4", date: "2025-10-01"), Row("other") with { NodeId = "GRZTST002" },
            Row("arrived-in-q3", date: "2025-06-30") with { ReceivedOn = new DateOnly(2025, 7, 2) }, // the receipt day decides, as in grzctl
            Row("arrived-in-q4", date: "2025-09-30") with { ReceivedOn = new DateOnly(2025, 10, 1) },
        ];

        var table = QuarterlyTables.Render(QuarterlyTable.Submissions, Node, Q3, rows);
        var lines = table.Split('\n');

        Assert.Equal(5, lines.Length); // header, three rows, the final line end
        Assert.Equal("", lines[4]);
        Assert.Equal(["early", "arrived-in-q3", "late"], rows.Where(r => r.NodeId == Node && ReportQuarter.Of(ReportRows.ReportDay(r)) == Q3).OrderBy(ReportRows.ReportDay).Select(r => r.Tan));
        Assert.All(lines[1..4], l => Assert.StartsWith("GRZTST001\t3\t2025\t111111111\tinitial\tGKV\toncological\tdna\tpanel\tyes\tyes\tyes\tNA\tnot_performed\tsingle\ttumor-only\tindex\tsomatic", l, StringComparison.Ordinal));
    }

    [Fact]
    public void A_clinical_row_shows_NA_for_what_only_genomic_data_has_and_a_cdn_is_named_as_such()
    {
        var clinical = Row() with
        {
            NodeId = "KDKTST001",
            DataCategory = DataCategory.Clinical,
            GenomicStudyType = null,
            GenomicStudySubtype = null,
            IndexSequenceTypes = null,
            IndexSequenceSubtypes = null,
            IndexLibraryTypes = null,
            LibraryType = LibraryType.Wgs,
            BasicQcPassed = null,
            ReportPassed = null,
        };

        Assert.Equal(
            "KDKTST001\t3\t2025\t111111111\tinitial\tGKV\toncological\tNA\twgs\tNA\tyes\tyes\tNA\tnot_performed\tNA\tNA\tNA\tNA\n",
            QuarterlyTables.Render(QuarterlyTable.Submissions, "KDKTST001", Q3, [clinical]).Split('\n', 2)[1]);
        Assert.StartsWith("clinicalDataNodeId\t", QuarterlyTables.Render(QuarterlyTable.Overview, "KDKTST001", Q3, []), StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_with_tabs_or_line_breaks_cannot_break_the_table()
    {
        var row = Row() with { NoScopeJustifications = "patient\trefuses\nto answer" };

        var line = QuarterlyTables.Render(QuarterlyTable.Submissions, Node, Q3, [row]).Split('\n')[1];

        Assert.Equal(18, line.Split('\t').Length);
        Assert.Contains("\tpatient refuses to answer\t", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_detailed_qc_lists_each_metric_with_verdict_and_deviation()
    {
        var failure = new DetailedQcFailure("mother", "dna", "germline", "wgs", 30, 20,
            new DetailedQcMetricResult(DetailedQcMetric.PercentBasesAboveQualityThreshold, 88, 87.12, 85, -1.0000000000000009, DetailedQcStatus.Pass),
            new DetailedQcMetricResult(DetailedQcMetric.MeanDepthOfCoverage, 40, 30, 30, -25, DetailedQcStatus.TooLow),
            new DetailedQcMetricResult(DetailedQcMetric.TargetedRegionsAboveMinCoverage, 0.75, 0.75, 0.8, 0, DetailedQcStatus.ThresholdNotMet),
            "1.1.0");
        SubmissionRow[] rows = [Row("ok"), Row("bad", date: "2025-08-01") with { GenomicStudyType = "trio", GenomicStudySubtype = "germline-only", DetailedQc = DetailedQcState.Failed, DetailedQcFailure = failure }];

        var lines = QuarterlyTables.Render(QuarterlyTable.DetailedQc, Node, Q3, rows).Split('\n');

        Assert.Equal(
            "genomicDataCenterId\tquarter\tyear\tsubmitterId\tsubmissionDate\tsubmissionType\tdiseaseType\tgenomicStudyType\tgenomicStudySubtype\trelation\tsequenceType\t"
            + "sequenceSubtype\tlibraryType\tpercentBasesAboveQualityThreshold.minimumQuality\tpercentBasesAboveQualityThreshold.percent\t"
            + "percentBasesAboveQualityThreshold_detailedQC_passed\tpercentBasesAboveQualityThreshold_detailedQC_deviation%\tmeanDepthOfCoverage\t"
            + "meanDepthOfCoverage_detailedQC_passed\tmeanDepthOfCoverage_detailedQC_deviation%\tminCoverage\ttargetedRegionsAboveMinCoverage\t"
            + "targetedRegionsAboveMinCoverage_detailedQC_passed\ttargetedRegionsAboveMinCoverage_detailedQC_deviation%\tqcWorkflowVersion",
            lines[0]);
        Assert.Equal("GRZTST001\t3\t2025\t111111111\t2025-08-01\tinitial\toncological\ttrio\tgermline-only\tmother\tdna\tgermline\twgs\t30\t88\tyes\t-1\t40\tno\t-25\t20\t0.75\tno\t0\t1.1.0", lines[1]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void Statistics_are_shaped_per_node_with_tests_apart_and_every_case_status()
    {
        var totals = new Dictionary<string, long>
        {
            ["cases|reimbursed"] = 2,
            ["cases|billed"] = 1,
            ["cases|data_transferred"] = 4,
            ["submissions|GRZTST001|genomic|initial|reported_qc_passed"] = 3,
            ["submissions|GRZTST001|genomic|followup|submitted"] = 1,
            ["submissions|GRZTST001|genomic|test|basic_qc_passed"] = 2,
            ["submissions|KDKTST001|clinical|initial|received"] = 5,
            ["tokens|GRZTST001"] = 3,
            ["detailed-qc|GRZTST001|failed"] = 1,
        };

        var statistics = StatisticsShape.From(totals);

        Assert.Equal((7L, 9L, 2L, 3L, 2L, 1L), (statistics.Cases, statistics.Submissions, statistics.TestSubmissions, statistics.TokensIssued, statistics.ClaimsReimbursed, statistics.ClaimsNotReimbursed));
        Assert.Equal(8, statistics.CasesByStatus.Count);
        Assert.Equal(0, statistics.CasesByStatus["qc_passed"]);
        Assert.Equal(["GRZTST001", "KDKTST001"], statistics.Nodes.Select(n => n.NodeId));
        var gdc = statistics.Nodes[0];
        Assert.Equal((4L, 2L, 3L, 0L, 1L), (gdc.Submissions, gdc.TestSubmissions, gdc.TokensIssued, gdc.DetailedQcPassed, gdc.DetailedQcFailed));
        Assert.Equal(new Dictionary<string, long> { ["followup"] = 1, ["initial"] = 3, ["test"] = 2 }, gdc.ByType);
        Assert.Equal(new Dictionary<string, long> { ["reported_qc_passed"] = 3, ["submitted"] = 1 }, gdc.ByOutcome);
        Assert.Equal(new Dictionary<string, long> { ["clinical"] = 5 }, statistics.Nodes[1].ByCategory);
    }
}
