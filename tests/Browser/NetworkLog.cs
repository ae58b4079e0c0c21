using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace GenomDE.Orleans.Tests.Browser;

/// <summary>Everything a page asked the network for: every response (URL, status, resource type)
/// and every request that failed without a response (refused, aborted, blocked…).</summary>
public sealed class NetworkLog
{
    private readonly ConcurrentQueue<Exchange> _exchanges = new();
    private readonly ConcurrentQueue<string> _consoleErrors = new();

    public NetworkLog(IPage page)
    {
        page.Response += (_, response) =>
            _exchanges.Enqueue(new Exchange(response.Request.Method, new Uri(response.Url), response.Status, response.Request.ResourceType, null));
        page.RequestFailed += (_, request) =>
            _exchanges.Enqueue(new Exchange(request.Method, new Uri(request.Url), null, request.ResourceType, request.Failure ?? "failed"));
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Enqueue(message.Text);
            }
        };
        page.PageError += (_, error) => _consoleErrors.Enqueue("page error: " + error);
    }

    public IReadOnlyList<Exchange> Exchanges => [.. _exchanges];

    public IReadOnlyList<string> ConsoleErrors => [.. _consoleErrors];

    /// <summary>Exchanges whose path starts with <paramref name="pathPrefix"/>.</summary>
    public IReadOnlyList<Exchange> Under(string pathPrefix) =>
        [.. _exchanges.Where(e => e.Url.AbsolutePath.StartsWith(pathPrefix, StringComparison.Ordinal))];

    public string Describe() => string.Join(Environment.NewLine, _exchanges.Select(e => "  " + e));

    /// <summary>The URL without the value of an <c>access_token</c> parameter, for messages and logs.</summary>
    public static string Redacted(Uri url) =>
        System.Text.RegularExpressions.Regex.Replace(url.AbsoluteUri, "(access_token=)[^&]*", "$1***");

    public sealed record Exchange(string Method, Uri Url, int? Status, string ResourceType, string? Failure)
    {
        public bool Failed => Failure is not null || Status >= 400;

        public bool IsXhr => ResourceType is "xhr" or "fetch";

        public override string ToString() => $"{Method} {Redacted(Url)} [{ResourceType}] → {(Failure is null ? Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) : "FAILED: " + Failure)}";
    }
}
