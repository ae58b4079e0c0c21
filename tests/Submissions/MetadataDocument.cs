using System.Text.Json.Nodes;
using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Tests.Submissions;

/// <summary>A real, valid conformance document opened for mutation, so each failing example differs
/// from an accepted submission in exactly the way the test names.</summary>
internal sealed class MetadataDocument(JsonNode root)
{
    public const string Trio = "wgs_trio.v1.3.0.json";
    public const string WesTumorGermline = "wes_tumor_germline.v1.3.0.json";
    public const string WgsTumorGermline = "wgs_tumor_germline.v1.3.0.json";
    public const string Panel = "panel_tumor_only.v1.3.0.json";
    public const string Oncomine = "oncomine_panel_tumor_only.v1.3.0.json";
    public const string LongRead = "wgs_lr_tumor_only.v1.3.0.json";

    public JsonNode Root { get; } = root;

    public static MetadataDocument Load(string validFile) =>
        new(JsonNode.Parse(Conformance.ReadMetadata("valid", validFile))!);

    public JsonObject Submission => Root["submission"]!.AsObject();

    public JsonArray Donors => Root["donors"]!.AsArray();

    public JsonObject Donor(int d) => Donors[d]!.AsObject();

    public JsonArray LabData(int d) => Donor(d)["labData"]!.AsArray();

    public JsonObject LabDatum(int d, int l) => LabData(d)[l]!.AsObject();

    public JsonObject SequenceData(int d, int l) => LabDatum(d, l)["sequenceData"]!.AsObject();

    public JsonArray Files(int d, int l) => SequenceData(d, l)["files"]!.AsArray();

    public JsonObject File(int d, int l, int f) => Files(d, l)[f]!.AsObject();

    public JsonObject ResearchConsent(int d, int c) => Donor(d)["researchConsents"]![c]!.AsObject();

    public MetadataDocument WithSubmissionDate(string date)
    {
        Submission["submissionDate"] = date;
        return this;
    }

    public MetadataValidationReport Validate() => MetadataValidator.Official.Validate(Root.ToJsonString());

    /// <summary>Asserts refusal by <paramref name="rule"/> at <paramref name="path"/>, and shows the
    /// whole report when it fails.</summary>
    public static void AssertRefused(MetadataValidationReport report, string rule, string path)
    {
        Assert.False(report.IsAccepted, "expected a refusal");
        Assert.True(
            report.Errors.Any(e => e.Rule == rule && e.Path == path),
            $"expected error {rule} at {path}; got:\n{Describe(report)}");
    }

    public static void AssertWarnedOnly(MetadataValidationReport report, string rule, string path)
    {
        Assert.True(report.IsAccepted, $"expected acceptance; got:\n{Describe(report)}");
        Assert.True(
            report.Warnings.Any(w => w.Rule == rule && w.Path == path),
            $"expected warning {rule} at {path}; got:\n{Describe(report)}");
    }

    public static string Describe(MetadataValidationReport report) => string.Join("\n",
        report.Errors.Select(e => $"ERROR {e.Rule} {e.Path}: {e.Message}")
            .Concat(report.Warnings.Select(w => $"WARN  {w.Rule} {w.Path}: {w.Message}")));
}
