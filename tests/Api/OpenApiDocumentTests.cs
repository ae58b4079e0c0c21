using System.Text.Json;
using GenomDE.Orleans.Tests.Fixtures;
using GenomDE.Orleans.Tests.Fixtures.Contract;

namespace GenomDE.Orleans.Tests.Api;

/// <summary>docs/openapi.json is the contract: the API serves exactly it, and it is good enough to
/// generate a client from (an operation ID, a tag and a documented success per operation, enums
/// with their values, security on everything not anonymous).</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class OpenApiDocumentTests(PlatformFixture platform)
{
    public const string UpdateVariable = "GENOMDE_UPDATE_OPENAPI";

    [Fact]
    public async Task The_served_document_is_the_checked_in_one()
    {
        var served = await Served();
        var file = ApiContract.DocumentPath;
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(file, served);
        }

        var checkedIn = File.Exists(file) ? await File.ReadAllTextAsync(file) : "";
        Assert.True(served == checkedIn.ReplaceLineEndings("\n"),
            $"The API's OpenAPI document differs from {ApiContract.DocumentFile}. If the change is intended, regenerate it with " +
            $"scripts/update-openapi.sh (or {UpdateVariable}=1 dotnet test tests -- --filter-class \"*OpenApiDocumentTests\") and commit it.");
    }

    [Fact]
    public async Task Two_requests_get_the_same_bytes()
    {
        var first = await Served();
        var second = await Served();

        Assert.Equal(first, second);
        Assert.DoesNotContain(platform.BaseAddress.Authority, first, StringComparison.Ordinal);
    }

    /// <summary>Fetched without the contract check: the checked-in document may be the one out of date.</summary>
    private async Task<string> Served()
    {
        using var http = new HttpClient { BaseAddress = platform.BaseAddress };
        return await http.GetStringAsync("/openapi/v1.json");
    }

    [Fact]
    public void Every_operation_is_fit_for_code_generation()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(ApiContract.DocumentPath));
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Name: $"{o.Name.ToUpperInvariant()} {p.Name}", Operation: o.Value)))
            .ToList();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var unfit = new List<string>();
        foreach (var (name, operation) in operations)
        {
            if (!operation.TryGetProperty("operationId", out var id) || !ids.Add(id.GetString()!))
            {
                unfit.Add($"{name}: no or a repeated operationId");
            }

            if (!operation.TryGetProperty("tags", out var tags) || tags.GetArrayLength() == 0)
            {
                unfit.Add($"{name}: no tag");
            }

            var success = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
            if (success.Count == 0 || success.Any(r => !r.Value.TryGetProperty("content", out _)))
            {
                unfit.Add($"{name}: no documented success body");
            }
        }

        Assert.True(unfit.Count == 0, string.Join("\n", unfit));
        Assert.True(operations.Count >= 49, $"only {operations.Count} operations");
    }

    [Fact]
    public void Every_enum_schema_lists_its_wire_values()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(ApiContract.DocumentPath));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var empty = schemas.EnumerateObject().Where(s => !s.Value.EnumerateObject().Any()).Select(s => s.Name).ToList();

        Assert.Empty(empty);
        Assert.Equal(["GKV", "PKV", "BG", "SEL", "SOZ", "GPV", "PPV", "BEI", "SKT", "UNK"],
            schemas.GetProperty("CoverageType").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public void Every_request_body_has_an_example_that_fits_its_schema()
    {
        var examples = ApiContract.Instance.RequestExamples().ToList();

        Assert.True(examples.Count >= 21, $"only {examples.Count} operations with a JSON body");
        Assert.Empty(examples.Where(e => e.Violation is not null).Select(e => $"{e.Operation}: {e.Violation}"));
    }

    [Fact]
    public void Every_authenticated_change_takes_an_idempotency_key_and_only_anonymous_operations_lack_security()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(ApiContract.DocumentPath));
        var wrong = new List<string>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var secured = operation.Value.TryGetProperty("security", out _);
                var anonymous = path.Name.StartsWith("/health/", StringComparison.Ordinal);
                var keyed = operation.Value.TryGetProperty("parameters", out var parameters)
                    && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == "Idempotency-Key" && p.GetProperty("in").GetString() == "header");
                if (secured == anonymous || keyed != (secured && operation.Name != "get"))
                {
                    wrong.Add($"{operation.Name.ToUpperInvariant()} {path.Name}: security {secured}, Idempotency-Key {keyed}");
                }
            }
        }

        Assert.Empty(wrong);
        Assert.Equal("/connect/token", document.RootElement.GetProperty("components").GetProperty("securitySchemes")
            .GetProperty("oauth2").GetProperty("flows").GetProperty("clientCredentials").GetProperty("tokenUrl").GetString());
    }

    [Fact]
    public async Task Every_test_client_checks_its_answers_against_the_document()
    {
        var before = ApiContract.Instance.Checked;

        using var response = await platform.Operator().GetAsync("/api/v1/nodes/GRZDD0004");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.True(ApiContract.Instance.Checked > before, "the test client's answer was not checked against the OpenAPI document");
    }

    [Fact]
    public void The_checker_refuses_a_body_that_breaks_the_schema_and_an_undocumented_status()
    {
        var contract = ApiContract.Instance;

        var wrongBody = contract.Violation("GET", "/api/v1/nodes/GRZDD0004", 200, "application/json", """{"applicationId": 5, "kind": "lab"}""");
        var undocumented = contract.Violation("GET", "/api/v1/nodes/GRZDD0004", 418, "application/problem+json", "{}");
        var wrongMedia = contract.Violation("GET", "/api/v1/nodes/GRZDD0004", 200, "text/plain", "ok");
        var notAProblem = contract.Violation("GET", "/api/v1/nodes/GRZDD0004", 404, "application/problem+json", """{"title": "Not found"}""");

        Assert.NotNull(wrongBody);
        Assert.Contains("Nodes_Get", wrongBody, StringComparison.Ordinal);
        Assert.Contains("/applicationId", wrongBody, StringComparison.Ordinal);
        Assert.Contains("/kind", wrongBody, StringComparison.Ordinal);
        Assert.Contains("418", undocumented, StringComparison.Ordinal);
        Assert.Contains("text/plain", wrongMedia, StringComparison.Ordinal);
        Assert.NotNull(notAProblem);
        Assert.Null(contract.Violation("GET", "/connect/token", 200, "application/json", "{}")); // not an operation of the API
    }
}
