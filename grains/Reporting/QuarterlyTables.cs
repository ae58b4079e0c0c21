using GenomDE.Orleans.Domain.Reporting;
using GenomDE.Orleans.Domain.Reports;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.GrainInterfaces.Reporting;

namespace GenomDE.Orleans.Grains.Reporting;

/// <summary>The three tables of the quarterly report (domain.md §9), with the column names of the
/// official grzctl report, from the rows of one node's submissions whose report day
/// (<see cref="ReportRows.ReportDay"/>: receipt, else submission date) is in the quarter.
/// Where the platform's rules differ from grzctl's, the column's comment says so.</summary>
public static class QuarterlyTables
{
    public static string Render(QuarterlyTable table, string nodeId, ReportQuarter quarter, IReadOnlyList<SubmissionRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ordered = rows.Where(r => r.NodeId == nodeId && ReportQuarter.Of(ReportRows.ReportDay(r)) == quarter)
            .OrderBy(ReportRows.ReportDay).ThenBy(r => r.SubmitterId, StringComparer.Ordinal).ThenBy(r => r.Tan, StringComparer.Ordinal).ToList();
        return table switch
        {
            QuarterlyTable.Overview => Overview(nodeId, quarter, ordered),
            QuarterlyTable.Submissions => Submissions(nodeId, quarter, ordered),
            QuarterlyTable.DetailedQc => DetailedQc(nodeId, quarter, ordered),
            _ => throw new ArgumentOutOfRangeException(nameof(table), table, "Unknown quarterly table."),
        };
    }

    /// <summary>The first column names the node by its kind, as the official tables do for GDCs.</summary>
    public static string NodeColumn(string nodeId) => nodeId.StartsWith("KDK", StringComparison.Ordinal) ? "clinicalDataNodeId" : "genomicDataCenterId";

    /// <summary>Table 1, one line per LE (submitterId) that sent anything in the quarter.</summary>
    public static string Overview(string nodeId, ReportQuarter quarter, IReadOnlyList<SubmissionRow> rows)
    {
        ArgumentNullException.ThrowIfNull(quarter);
        var tsv = new Tsv([NodeColumn(nodeId), "quarter", "year", "submitterId",
            "number_of_end-to-end_tests", "number_of_passed_end-to-end_tests",
            "number_of_submissions_total", "number_of_submissions_single", "number_of_submissions_duo", "number_of_submissions_trio",
            "number_of_failed_qcs",
            "number_of_mv_consent_revocations_index", "number_of_research_consent_revocations_index",
            "number_of_mv_consent_revocations_not_index", "number_of_research_consent_revocations_not_index",
            "number_of_deletions"]);
        foreach (var le in rows.GroupBy(r => r.SubmitterId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var line = OverviewLine.Of(le.ToList());
            tsv.Line([nodeId, Tsv.Count(quarter.Quarter), Tsv.Count(quarter.Year), le.Key,
                Tsv.Count(line.Tests), Tsv.Count(line.PassedTests),
                Tsv.Count(line.Total), Tsv.Count(line.Singles), Tsv.Count(line.Duos), Tsv.Count(line.Trios),
                Tsv.Count(line.FailedQcs),
                Tsv.Count(line.Revocations.MvIndex), Tsv.Count(line.Revocations.ResearchIndex),
                Tsv.Count(line.Revocations.MvNonIndex), Tsv.Count(line.Revocations.ResearchNonIndex),
                Tsv.Count(line.Deletions)]);
        }

        return tsv.ToString();
    }

    /// <summary>Table 2, one line per submission; genomic facts are the index donor's (relation
    /// "index"), "NA" for clinical submissions, which carry none.</summary>
    public static string Submissions(string nodeId, ReportQuarter quarter, IReadOnlyList<SubmissionRow> rows)
    {
        ArgumentNullException.ThrowIfNull(quarter);
        var tsv = new Tsv([NodeColumn(nodeId), "quarter", "year", "submitterId", "submissionType", "coverageType", "diseaseType",
            "sequenceType", "libraryType", "data_quality_check_passed", "has_mv_consent", "has_research_consent",
            "researchConsent[].NoScopeJustification", "detailed_qc_passed", "genomicStudyType", "genomicStudySubtype", "relation", "sequenceSubtype"]);
        foreach (var r in rows)
        {
            var genomic = r.DataCategory == DataCategory.Genomic;
            tsv.Line([nodeId, Tsv.Count(quarter.Quarter), Tsv.Count(quarter.Year), r.SubmitterId,
                WireNames.SubmissionTypes.NameOf(r.SubmissionType), WireNames.CoverageTypes.NameOf(r.CoverageType), WireNames.DiseaseTypes.NameOf(r.DiseaseType),
                Tsv.Text(r.IndexSequenceTypes), Tsv.Text(r.IndexLibraryTypes ?? (r.LibraryType is { } library ? WireNames.LibraryTypes.NameOf(library) : null)),
                Tsv.YesNo(r.BasicQcPassed), Tsv.YesNo(r.MvConsent), Tsv.YesNo(r.ResearchConsent),
                Tsv.Text(r.NoScopeJustifications), DetailedQcColumn(r.DetailedQc),
                Tsv.Text(r.GenomicStudyType), Tsv.Text(r.GenomicStudySubtype), genomic ? "index" : Tsv.NotAvailable, Tsv.Text(r.IndexSequenceSubtypes)]);
        }

        return tsv.ToString();
    }

    /// <summary>Column <c>detailed_qc_passed</c>: yes, no or not_performed (also while a picked
    /// submission awaits its result).</summary>
    public static string DetailedQcColumn(DetailedQcState state) => state switch
    {
        DetailedQcState.Passed => "yes",
        DetailedQcState.Failed => "no",
        _ => "not_performed",
    };

    /// <summary>Table 3, one line per failed detailed QC: the reported value of each metric, whether
    /// it passed and the GDC's deviation from it in percent (negative: the GDC measured less).</summary>
    public static string DetailedQc(string nodeId, ReportQuarter quarter, IReadOnlyList<SubmissionRow> rows)
    {
        ArgumentNullException.ThrowIfNull(quarter);
        var tsv = new Tsv([NodeColumn(nodeId), "quarter", "year", "submitterId", "submissionDate", "submissionType", "diseaseType",
            "genomicStudyType", "genomicStudySubtype", "relation", "sequenceType", "sequenceSubtype", "libraryType",
            "percentBasesAboveQualityThreshold.minimumQuality", "percentBasesAboveQualityThreshold.percent",
            "percentBasesAboveQualityThreshold_detailedQC_passed", "percentBasesAboveQualityThreshold_detailedQC_deviation%",
            "meanDepthOfCoverage", "meanDepthOfCoverage_detailedQC_passed", "meanDepthOfCoverage_detailedQC_deviation%",
            "minCoverage", "targetedRegionsAboveMinCoverage", "targetedRegionsAboveMinCoverage_detailedQC_passed",
            "targetedRegionsAboveMinCoverage_detailedQC_deviation%", "qcWorkflowVersion"]);
        foreach (var r in rows.Where(r => r.DetailedQcFailure is not null))
        {
            var f = r.DetailedQcFailure!;
            tsv.Line([nodeId, Tsv.Count(quarter.Quarter), Tsv.Count(quarter.Year), r.SubmitterId,
                r.SubmissionDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                WireNames.SubmissionTypes.NameOf(r.SubmissionType), WireNames.DiseaseTypes.NameOf(r.DiseaseType),
                Tsv.Text(r.GenomicStudyType), Tsv.Text(r.GenomicStudySubtype), Tsv.Text(f.Relation), Tsv.Text(f.SequenceType),
                Tsv.Text(f.SequenceSubtype), Tsv.Text(f.LibraryType),
                Tsv.Number(f.MinimumQuality), Tsv.Number(f.Quality?.Reported), Tsv.YesNo(f.Quality?.Passed), Tsv.Percent(f.Quality?.DeviationPercent),
                Tsv.Number(f.Depth?.Reported), Tsv.YesNo(f.Depth?.Passed), Tsv.Percent(f.Depth?.DeviationPercent),
                Tsv.Number(f.MinCoverage), Tsv.Number(f.Targets?.Reported), Tsv.YesNo(f.Targets?.Passed), Tsv.Percent(f.Targets?.DeviationPercent),
                Tsv.Text(f.QcWorkflowVersion)]);
        }

        return tsv.ToString();
    }
}
