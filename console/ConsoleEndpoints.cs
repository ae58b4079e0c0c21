using System.Globalization;
using GenomDE.Orleans.GrainInterfaces.Common;
using GenomDE.Orleans.GrainInterfaces.Reporting;
using GenomDE.Orleans.OperatorConsole.Components;

namespace GenomDE.Orleans.OperatorConsole;

/// <summary>The console as the API host adds it: Razor components rendered on the server (static
/// rendering, no script), the stylesheet, the language switch and the report downloads, all for the
/// operator only.</summary>
public static class ConsoleEndpoints
{
    public const string TsvContentType = "text/tab-separated-values; charset=utf-8";

    /// <summary>The tables as the API names them, with grzctl's file names.</summary>
    public static readonly IReadOnlyList<(string Name, QuarterlyTable Table, string FilePrefix)> Tables =
    [
        ("overview", QuarterlyTable.Overview, "1-Gesamtuebersicht"),
        ("submissions", QuarterlyTable.Submissions, "2-Infos_zu_Datensaetzen"),
        ("detailed-qc", QuarterlyTable.DetailedQc, "3-Detailpruefung"),
    ];

    public static IServiceCollection AddOperatorConsole(this IServiceCollection services, ConsoleHost host)
    {
        services.AddSingleton(host);
        services.AddRazorComponents();
        return services;
    }

    public static void MapOperatorConsole(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var host = app.ServiceProvider.GetRequiredService<ConsoleHost>();
        app.MapGet(ConsoleRoutes.Stylesheet, ConsoleAssets.Stylesheet).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(ConsoleRoutes.Language, (string? lang, string? returnUrl, HttpContext http) =>
        {
            http.Response.Cookies.Append(ConsoleLanguage.Cookie, lang == "en" ? "en" : "de", new CookieOptions
            {
                HttpOnly = true,
                Secure = true,
                SameSite = SameSiteMode.Strict,
                Path = ConsoleRoutes.Root,
                MaxAge = TimeSpan.FromDays(365),
            });
            return Results.LocalRedirect(ConsoleLanguage.SafeReturnUrl(returnUrl));
        }).RequireAuthorization(host.OperatorPolicy).ExcludeFromDescription();
        app.MapGet(ConsoleRoutes.Reports + "/{year}/{quarter}/{table}", DownloadReport).RequireAuthorization(host.OperatorPolicy).ExcludeFromDescription();
        app.MapRazorComponents<App>().RequireAuthorization(host.OperatorPolicy).ExcludeFromDescription();
    }

    /// <summary>The same grain call and the same bytes as <c>GET /api/v1/reports/quarterly/…</c>.</summary>
    private static async Task<IResult> DownloadReport(string year, string quarter, string table, string? node, HttpContext http, IGrainFactory grains, ConsoleHost host)
    {
        var texts = ConsoleLanguage.Of(http);
        if (host.CallerOf(http.User) is not { } caller)
        {
            return Results.Forbid();
        }

        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || ReportQuarter.TryParse(y, quarter) is not { } q
            || Tables.FirstOrDefault(t => t.Name == table) is not { Name: not null } t || !Identifiers.IsNodeId(node))
        {
            return Results.Text(texts.InvalidReportRequest, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        var result = await grains.GetGrain<IQuarterlyReportGrain>(0).Table(caller, node!, q, t.Table);
        if (!result.IsSuccess)
        {
            return Results.Text($"{result.Error!.Title}: {result.Error.Detail}", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{t.FilePrefix}_{node}_{q.Quarter}_{q.Year}.tsv\"";
        return Results.Text(result.Value!, TsvContentType);
    }
}
