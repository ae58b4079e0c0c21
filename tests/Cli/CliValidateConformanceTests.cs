using System.Net;
using System.Text.Json;
using GenomDE.Orleans.Tests.Cases;
using GenomDE.Orleans.Tests.Fixtures;
using GenomDE.Orleans.Tests.Submissions;

namespace GenomDE.Orleans.Tests.Cli;

/// <summary><c>genomde validate</c> judges every shared conformance metadata.json as the platform
/// does when the hospital submits it: same verdict, same error and warning rule codes.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class CliValidateConformanceTests(PlatformFixture platform)
{
    public static TheoryData<string, string> Files() =>
        [.. new[] { "valid", "invalid" }.SelectMany(kind => Conformance.MetadataFileNames(kind).Select(name => (kind, name)))];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Validate_gives_the_servers_verdict_and_rule_codes(string kind, string name)
    {
        // The server judges the document submitted for a fresh case of the conformance LE: addressed
        // to that case and the example GDC, with a fresh TAN. The CLI judges those very bytes too.
        var scenario = await CaseScenario.Start(platform);
        var document = JsonSerializer.Deserialize<System.Text.Json.Nodes.JsonObject>(Conformance.ReadMetadata(kind, name))!;
        document["submission"]!["localCaseId"] = scenario.LocalCaseId;
        document["submission"]!["submitterId"] = scenario.ProviderId;
        document["submission"]!["tanG"] = CaseScenario.NewTan();
        document["submission"]!["genomicDataCenterId"] = CaseScenario.Gdc;
        var addressed = Path.Combine(Path.GetTempPath(), $"genomde-conformance-{TestIds.Key()[..12]}.json");
        File.WriteAllText(addressed, document.ToJsonString());
        try
        {
            var offline = await new Genomde(platform, null).Run("validate", addressed, "--json");
            var cli = offline.Json;
            Assert.Equal(cli.GetProperty("valid").GetBoolean() ? 0 : 1, offline.ExitCode);

            var response = await scenario.SubmitGenomic(document);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.UnprocessableEntity, body.GetRawText());
            Assert.Equal(response.StatusCode == HttpStatusCode.Created, cli.GetProperty("valid").GetBoolean());
            Assert.Equal(Rules(body, "errors"), Rules(cli, "errors"));
            Assert.Equal(Rules(body, "warnings"), Rules(cli, "warnings"));

            // Addressing changed nothing the rules judge: the file as shipped gets the same verdict and codes.
            var original = (await new Genomde(platform, null).Run("validate", Conformance.MetadataFile(kind, name), "--json")).Json;
            Assert.Equal(Rules(cli, "errors"), Rules(original, "errors"));
            Assert.Equal(Rules(cli, "warnings"), Rules(original, "warnings"));
        }
        finally
        {
            File.Delete(addressed);
        }
    }

    private static List<string> Rules(JsonElement answer, string list) =>
        answer.TryGetProperty(list, out var findings) && findings.ValueKind == JsonValueKind.Array
            ? [.. findings.EnumerateArray().Select(f => $"{f.GetProperty("rule").GetString()} {f.GetProperty("path").GetString()}").Order(StringComparer.Ordinal)]
            : [];
}
