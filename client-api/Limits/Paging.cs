using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace GenomDE.Orleans.ClientApi.Limits;

/// <summary>One page of a list and the cursor of the next, if there is more.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>Paging for the lists that grow (registries, inbox, webhooks). The body stays the JSON
/// array it always was, so clients that never page keep working (they see the first page); the
/// next page is announced as an RFC 8288 link, <c>Link: &lt;…?limit=…&amp;cursor=…&gt;; rel="next"</c>,
/// absent on the last page.</summary>
public static class Paging
{
    /// <summary>The items after the request's key in ordinal key order, at most its limit.</summary>
    public static Page<T> Take<T>(IEnumerable<T> items, Func<T, string> keyOf, PageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var after = items.Select(i => (Key: keyOf(i), Item: i))
            .Where(x => request.After is null || string.CompareOrdinal(x.Key, request.After) > 0)
            .OrderBy(x => x.Key, StringComparer.Ordinal)
            .Take(request.Limit + 1)
            .ToList();
        var page = after.Take(request.Limit).ToList();
        return new Page<T>([.. page.Select(x => x.Item)], after.Count > request.Limit ? PageCursor.Encode(page[^1].Key) : null);
    }

    /// <summary>200 with the page's items as a JSON array, the next page in the <c>Link</c> header.</summary>
    public static IResult Ok<T>(HttpContext http, Page<T> page)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(page);
        if (page.NextCursor is { } next)
        {
            http.Response.Headers.Link = $"<{NextUrl(http.Request, next)}>; rel=\"next\"";
        }

        return TypedResults.Ok(page.Items);
    }

    /// <summary>Sorted keys for items ordered by a time: fixed-width UTC ticks, then a tie-breaker.</summary>
    public static string TimeKey(DateTimeOffset at, string tieBreaker) =>
        at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "/" + tieBreaker;

    /// <summary>The same request (path and every other parameter) with the next cursor, relative to the host.</summary>
    private static string NextUrl(HttpRequest request, string cursor)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => !p.Key.Equals("cursor", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>("cursor", cursor));
        return QueryHelpers.AddQueryString((request.PathBase + request.Path).ToUriComponent(), query);
    }
}
