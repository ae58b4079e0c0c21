using System.Globalization;
using GenomDE.Orleans.ClientApi.Auth;
using GenomDE.Orleans.ClientApi.OpenApi;
using GenomDE.Orleans.ClientApi.Problems;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Reporting;

namespace GenomDE.Orleans.ClientApi.Apis;

/// <summary>The GDC quarterly report (three TSV tables per node and quarter) and the operator's
/// platform statistics; both are read from incrementally kept aggregates, never from the cases.</summary>
public static class ReportsApi
{
    public const string TsvContentType = "text/tab-separated-values; charset=utf-8";

    /// <summary>Route names of the tables; their numbers work too.</summary>
    private static readonly Dictionary<string, QuarterlyTable> Tables = new(StringComparer.OrdinalIgnoreCase)
    {
        ["overview"] = QuarterlyTable.Overview,
        ["1"] = QuarterlyTable.Overview,
        ["submissions"] = QuarterlyTable.Submissions,
        ["2"] = QuarterlyTable.Submissions,
        ["detailed-qc"] = QuarterlyTable.DetailedQc,
        ["3"] = QuarterlyTable.DetailedQc,
    };

    /// <summary>File names as grzctl writes them.</summary>
    private static readonly Dictionary<QuarterlyTable, string> FilePrefixes = new()
    {
        [QuarterlyTable.Overview] = "1-Gesamtuebersicht",
        [QuarterlyTable.Submissions] = "2-Infos_zu_Datensaetzen",
        [QuarterlyTable.DetailedQc] = "3-Detailpruefung",
    };

    public static void MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(PlatformRoutes.ApiV1).WithTags("Reports and statistics");
        api.MapGet("/reports/quarterly/{year}/{quarter}/{table}", async (string year, string quarter, string table, string? node, HttpContext http, IGrainFactory grains) =>
        {
            var caller = http.User.ToCaller();
            if (caller is null || !(caller.IsOperator || caller.Role is ParticipantRole.Cdn or ParticipantRole.Gdc))
            {
                return Problem.Result(StatusCodes.Status403Forbidden, "forbidden", "Not allowed for this participant", "Quarterly reports are for data nodes (their own) and the operator.");
            }

            if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || ReportQuarter.TryParse(y, quarter) is not { } q)
            {
                return Problem.Result(StatusCodes.Status400BadRequest, "invalid_quarter", "Invalid quarter",
                    $"'{year}/{quarter}' is no quarter; use a year {ReportQuarter.FirstYear}–{ReportQuarter.LastYear} and Q1–Q4, e.g. /reports/quarterly/2025/Q2/overview.");
            }

            if (!Tables.TryGetValue(table, out var t))
            {
                return Problem.Result(StatusCodes.Status404NotFound, "unknown_table", "Unknown report table",
                    $"'{table}' is no table of the quarterly report; use overview (1), submissions (2) or detailed-qc (3).");
            }

            var nodeId = node ?? (caller.IsOperator ? null : caller.ParticipantId);
            if (nodeId is null)
            {
                return Problem.Result(StatusCodes.Status400BadRequest, "node_required", "Node required", "The operator names the node: ?node=GRZ…");
            }

            if (!Identifiers.IsNodeId(nodeId))
            {
                return Problem.Result(StatusCodes.Status400BadRequest, "invalid_node_id", "Invalid node ID", "node is a node ID (GRZ… or KDK…, e.g. GRZDD0004).");
            }

            var result = await grains.GetGrain<IQuarterlyReportGrain>(0).Table(caller, nodeId, q, t);
            if (!result.IsSuccess)
            {
                return Problem.Result(result.Error!);
            }

            http.Response.Headers.ContentDisposition = $"inline; filename=\"{FilePrefixes[t]}_{nodeId}_{q.Quarter}_{q.Year}.tsv\"";
            return TypedResults.Text(result.Value!, TsvContentType);
        }).WithName("Reports_QuarterlyTable").Produces<string>(StatusCodes.Status200OK, "text/tab-separated-values").ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .WithSummary("Quarterly report table (overview | submissions | detailed-qc) as TSV: a node's own; the operator names any with ?node=.");

        api.MapGet("/statistics", async (HttpContext http, IGrainFactory grains) =>
            (await grains.GetGrain<IStatisticsGrain>(0).Get(http.User.ToCaller()!)).ToHttp())
            .RequireAuthorization(Policies.Operator)
            .WithName("Statistics_Get").Produces<PlatformStatistics>()
            .WithSummary("Platform statistics: cases by status, submissions per node by category, type and outcome, tokens, claims.");
    }
}
