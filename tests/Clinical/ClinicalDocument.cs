using System.Text.Json.Nodes;
using GenomDE.Orleans.Domain.Clinical;
using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Tests.Clinical;

/// <summary>The valid example metaData (made for these tests, consistent with the real GDC example
/// wgs_tumor_germline.v1.3.0.json: LE 123456789, GRZM00123, KDKM00456, local case CASE12345) opened
/// for mutation. It lives beside this file; the tests find it by walking up from the binaries, as
/// <see cref="Submissions.Conformance"/> finds the shared data.</summary>
internal sealed class ClinicalDocument(JsonObject metaData)
{
    public const string FileName = "clinical-metadata.valid.json";
    public const string ReceivingNode = "KDKM00456";

    private static readonly Lazy<string> ExamplePath = new(Locate);

    private JsonObject? dataSet;

    public JsonObject MetaData { get; } = metaData;

    public JsonObject Submission => MetaData["submission"]!.AsObject();

    public JsonObject MvConsent => MetaData["mvConsent"]!.AsObject();

    public JsonObject Scope(int i) => MvConsent["scope"]![i]!.AsObject();

    public JsonObject ResearchConsent(int i) => MetaData["researchConsents"]![i]!.AsObject();

    public static string ExampleJson => File.ReadAllText(ExamplePath.Value);

    public static ClinicalDocument Load() => new(JsonNode.Parse(ExampleJson)!.AsObject());

    public ClinicalDocument Set(string field, JsonNode? value)
    {
        MetaData[field] = value;
        return this;
    }

    /// <summary>Wraps the metaData into a full data set whose case part names the variant and the
    /// library type (the rest of the case is not the metaData rules' business).</summary>
    public ClinicalDocument InDataSet(ClinicalDataSetKind kind, string libraryType)
    {
        var diagnosis = kind == ClinicalDataSetKind.Oncology ? "diagnosisOd" : "diagnosisRd";
        dataSet = new JsonObject
        {
            ["metaData"] = MetaData.DeepClone(),
            ["case"] = new JsonObject { [diagnosis] = new JsonObject { ["libraryType"] = libraryType } },
        };
        return this;
    }

    public string Json => (dataSet ?? MetaData).ToJsonString();

    public ClinicalValidationOutcome Validate(string receivingNode = ReceivingNode, LibraryType? knownLibraryType = null) =>
        ClinicalMetadataValidator.Official.Validate(Json, receivingNode, knownLibraryType);

    public static void AssertRefused(ClinicalValidationOutcome outcome, string rule, string path)
    {
        Assert.False(outcome.IsAccepted, "expected a refusal");
        Assert.True(outcome.Report.Errors.Any(e => e.Rule == rule && e.Path == path), $"expected error {rule} at {path}; got:\n{Describe(outcome)}");
    }

    public static void AssertWarnedOnly(ClinicalValidationOutcome outcome, string rule, string path)
    {
        Assert.True(outcome.IsAccepted, $"expected acceptance; got:\n{Describe(outcome)}");
        Assert.True(outcome.Report.Warnings.Any(w => w.Rule == rule && w.Path == path), $"expected warning {rule} at {path}; got:\n{Describe(outcome)}");
    }

    public static string Describe(ClinicalValidationOutcome outcome) => string.Join("\n",
        outcome.Report.Errors.Select(e => $"error {e.Rule} {e.Path}: {e.Message}")
            .Concat(outcome.Report.Warnings.Select(w => $"warning {w.Rule} {w.Path}: {w.Message}")));

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "Clinical", FileName), Path.Combine(dir.FullName, "tests", "Clinical", FileName) })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"No tests/Clinical/{FileName} in any ancestor of {AppContext.BaseDirectory}.");
    }
}
