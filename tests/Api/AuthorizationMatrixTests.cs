using System.Net;
using System.Text.Json;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Tests.Fixtures;

namespace GenomDE.Orleans.Tests.Api;

/// <summary>Walks the authorization matrix of docs/security.md: the table lists exactly the
/// operations the API documents, and every cell (operation × anonymous, operator, provider, gdc,
/// cdn, payer) answers as the table says: an allowed role is never refused (401/403; it may still
/// get 400/404/422 for the placeholder request), a refused one gets 401 without a token and 403
/// with the wrong role.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class AuthorizationMatrixTests(PlatformFixture platform)
{
    private static readonly string[] Roles = ["anonymous", "operator", "provider", "gdc", "cdn", "payer"];

    [Fact]
    public async Task The_matrix_lists_exactly_the_documented_operations()
    {
        using var document = JsonDocument.Parse(await platform.AnonymousClient().GetStringAsync("/openapi/v1.json"));
        var documented = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(documented, Matrix().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_cell_answers_as_the_matrix_says()
    {
        var clients = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = platform.AnonymousClient(),
            ["operator"] = platform.Operator(),
            ["provider"] = platform.Client(ParticipantRole.Provider, "123456789"),
            ["gdc"] = platform.Client(ParticipantRole.Gdc, "GRZM00123"),
            ["cdn"] = platform.Client(ParticipantRole.Cdn, "KDKM00456"),
            ["payer"] = platform.Client(ParticipantRole.Payer, "200000001"),
        };
        var wrong = new List<string>();
        foreach (var (operation, allowed) in Matrix())
        {
            var (method, path) = (operation.Split(' ')[0], Concrete(operation.Split(' ')[1]));
            foreach (var role in Roles)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method != "GET")
                {
                    // The one operator tool with an effect gets an idle time no grain reaches.
                    request.Content = Http.JsonBody(path.EndsWith("/deactivate-idle", StringComparison.Ordinal) ? new { idleSeconds = 604800 } : new { });
                }

                using var response = await clients[role].SendAsync(request);
                var status = (int)response.StatusCode;
                var ok = allowed[role]
                    ? status is not (401 or 403) and < 500
                    : status == (role == "anonymous" ? 401 : 403);
                if (!ok)
                {
                    wrong.Add($"{operation} as {role}: {status}, the matrix says {(allowed[role] ? "allowed" : "refused")}");
                }
            }
        }

        Assert.Empty(wrong);
    }

    /// <summary>Operation → role → allowed, from the table between the matrix markers.</summary>
    private static Dictionary<string, Dictionary<string, bool>> Matrix()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "security.md"))
            .SkipWhile(l => !l.StartsWith("<!-- matrix:begin", StringComparison.Ordinal)).Skip(3)
            .TakeWhile(l => !l.StartsWith("<!-- matrix:end", StringComparison.Ordinal));
        var matrix = new Dictionary<string, Dictionary<string, bool>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries)[1..^1];
            Assert.Equal(Roles.Length + 1, cells.Length);
            matrix.Add(cells[0].Trim('`'), Roles.Select((r, i) => (r, cells[i + 1])).ToDictionary(x => x.r, x => x.Item2 switch
            {
                "✓" => true,
                "–" => false,
                var other => throw new InvalidDataException($"'{other}' in the row of {cells[0]}: use ✓ or –"),
            }));
        }

        return matrix;
    }

    /// <summary>A request path for a template: the caller's own IK where one is asked for, IDs nobody holds elsewhere.</summary>
    private static string Concrete(string template) => template
        .Replace("{localCaseId}", "MATRIX-1", StringComparison.Ordinal)
        .Replace("{seq}", "1", StringComparison.Ordinal)
        .Replace("{tan}", new string('a', 64), StringComparison.Ordinal)
        .Replace("{code}", "ABCDEFGHIJ", StringComparison.Ordinal)
        .Replace("{year}/{quarter}/{table}", "2025/Q1/overview", StringComparison.Ordinal)
        .Replace("/payers/{ik}", "/payers/200000001", StringComparison.Ordinal)
        .Replace("{ik}", "123456789", StringComparison.Ordinal)
        .Replace("/nodes/{id}", "/nodes/APP-0000000000000000", StringComparison.Ordinal)
        .Replace("/webhooks/{id}", "/webhooks/whk_000000000000000000000000", StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GenomDE.Orleans.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("The repository root (GenomDE.Orleans.sln) was not found above the test binaries.");
    }
}
