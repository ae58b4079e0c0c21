using System.Text.Json.Nodes;
using GenomDE.Orleans.Domain.Reports;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.Tests.Submissions;

namespace GenomDE.Orleans.Tests.Reports;

/// <summary>The real example Prüfbericht opened for mutation, so each failing example differs from
/// an accepted report in exactly the way the test names.</summary>
internal sealed class CheckReportDocument(JsonNode root)
{
    public JsonNode Root { get; } = root;

    public JsonObject Case => Root["SubmittedCase"]!.AsObject();

    public static string ExampleJson => File.ReadAllText(Path.Combine(Conformance.Directory, "pruefbericht-example.json"));

    public static CheckReportDocument Load() => new(JsonNode.Parse(ExampleJson)!);

    public CheckReportDocument With(string field, JsonNode? value)
    {
        Case[field] = value;
        return this;
    }

    public CheckReportDocument Without(string field)
    {
        Case.Remove(field);
        return this;
    }

    public CheckReportValidation Parse() => CheckReportParser.Parse(Root.ToJsonString());

    public static void AssertRefused(CheckReportValidation result, string rule, string path)
    {
        Assert.False(result.IsAccepted, "expected a refusal");
        Assert.Null(result.Report);
        Assert.True(result.Findings.Any(f => f.Rule == rule && f.Path == path),
            $"expected {rule} at {path}; got:\n{string.Join("\n", result.Findings.Select(f => $"{f.Rule} {f.Path}: {f.Message}"))}");
    }
}
