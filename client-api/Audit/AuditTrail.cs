using GenomDE.Orleans.ClientApi.Apis;
using GenomDE.Orleans.ClientApi.Auth;
using GenomDE.Orleans.ClientApi.Hosting;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Audit;

namespace GenomDE.Orleans.ClientApi.Audit;

/// <summary>Records every state-changing request (accepted or refused) and every read of a case or
/// token by anyone but an LE, with the status it was answered with, in the audit trail. The entry is
/// stored before the answer's first byte leaves (<c>OnStarting</c>), so no participant holds an
/// answer the trail does not know.</summary>
public sealed class AuditTrail(RequestDelegate next, AuditWriter writer, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        var changes = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
        if (!request.Path.StartsWithSegments(PlatformRoutes.ApiV1) && !request.Path.StartsWithSegments(PlatformRoutes.Pruefbericht)
            && !request.Path.StartsWithSegments(OperatorLogin.Path))
        {
            await next(http);
            return;
        }

        var isRead = !changes && IsCaseOrTokenRead(request.Path);
        if (!changes && !isRead)
        {
            await next(http);
            return;
        }

        var body = changes ? await Digest(request) : RequestDigest.Empty;
        http.Response.OnStarting(async () =>
        {
            var caller = http.User.ToCaller();
            // An LE reading its own case or token is not recorded; a refused read is.
            if (isRead && caller?.Role == ParticipantRole.Provider && http.Response.StatusCode < 400)
            {
                return;
            }

            var route = ((http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? request.Path.Value ?? "").TrimEnd('/');
            var key = request.Headers[RequestIds.Header].FirstOrDefault();
            var seq = await writer.RecordAsync(new AuditDraft(
                clock.GetUtcNow(),
                caller is null ? "anonymous" : ParticipantClaims.RoleName(caller.Role),
                caller?.ParticipantId ?? "",
                http.User.ClientId(),
                $"{request.Method} {route}",
                request.Path.Value ?? "",
                caller is not null && key is not null && RequestIds.IsValidKey(key) ? RequestIds.Scoped(caller, key) : http.TraceIdentifier,
                http.Response.StatusCode,
                body));
            if (seq is not null)
            {
                // The participant's own handle on the entry: with it, GET /api/v1/audit/entries/{seq}/proof.
                http.Response.Headers[SeqHeader] = seq.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        });
        await next(http);
    }

    public const string SeqHeader = "Audit-Seq";

    /// <summary>An LE's own case and token paths, and the operator's view of any LE's cases.</summary>
    private static bool IsCaseOrTokenRead(PathString path) =>
        path.StartsWithSegments($"{PlatformRoutes.ApiV1}/cases") || path.StartsWithSegments($"{PlatformRoutes.ApiV1}/tokens")
        || (path.StartsWithSegments($"{PlatformRoutes.ApiV1}/providers") && path.Value!.Contains("/cases", StringComparison.Ordinal));

    private static async Task<string> Digest(HttpRequest request)
    {
        try
        {
            return await RequestDigest.BodyAsync(request);
        }
        catch (BadHttpRequestException)
        {
            return "unread: " + RequestDigest.Empty; // e.g. over the size limit; the handler answers 413
        }
    }
}
