using System.Text.Json;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Nodes;
using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Domain.Reports;

/// <summary>Reads a Prüfbericht exactly as nodes send it, <c>{"SubmittedCase": {...}}</c> (BfArM
/// schema v0.4, grz-pydantic-models <c>Pruefbericht</c>). Like the official model it refuses unknown
/// fields: a misspelt field would otherwise vanish silently from a document that triggers billing.
/// It never throws on bad input; every problem comes back as a finding with its path.</summary>
public static class CheckReportParser
{
    private const string SubmittedCaseName = "SubmittedCase";

    private static readonly string[] FieldNames =
    [
        "submissionDate", "submissionType", "tan", "submitterId", "dataNodeId",
        "diseaseType", "dataCategory", "libraryType", "coverageType", "dataQualityCheckPassed",
    ];

    private static readonly GdcVocabulary SubmissionTypes = new(CheckReportRuleCodes.SubmissionTypeInvalid, WireNames.SubmissionTypes.Names);
    private static readonly GdcVocabulary DiseaseTypes = new(CheckReportRuleCodes.DiseaseTypeInvalid, WireNames.DiseaseTypes.Names);
    private static readonly GdcVocabulary DataCategories = new(CheckReportRuleCodes.DataCategoryInvalid, WireNames.DataCategories.Names);
    private static readonly GdcVocabulary LibraryTypes = new(CheckReportRuleCodes.LibraryTypeInvalid, WireNames.LibraryTypes.Names);
    private static readonly GdcVocabulary CoverageTypes = new(CheckReportRuleCodes.CoverageTypeInvalid, WireNames.CoverageTypes.Names);

    /// <summary>A redacted TAN (64 zeros) names no submission; grzctl refuses to send one.</summary>
    private static readonly string RedactedTan = new('0', 64);

    public static CheckReportValidation Parse(string json)
    {
        var findings = new MetadataFindings();
        var report = Read(json, findings);
        var errors = findings.ToReport().Errors.Select(f => f.ToSubmissionFinding()).ToList();
        return new CheckReportValidation(errors.Count == 0 ? report : null, errors);
    }

    private static CheckReport? Read(string? json, MetadataFindings findings)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json ?? "");
        }
        catch (JsonException e)
        {
            findings.Error(MetadataRuleCodes.JsonMalformed, CheckReportPaths.Root, $"The Prüfbericht is not valid JSON: {e.Message}");
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                findings.Error(MetadataRuleCodes.JsonMalformed, CheckReportPaths.Root, "The Prüfbericht must be a JSON object {\"SubmittedCase\": {...}}.");
                return null;
            }

            RefuseUnknown(root, [SubmittedCaseName], CheckReportPaths.Root, findings);
            var read = new JsonFieldReader(findings);
            return read.ReadObject(root, SubmittedCaseName, CheckReportPaths.SubmittedCase) is { } submittedCase
                ? SubmittedCase(submittedCase, read, findings)
                : null;
        }
    }

    private static CheckReport? SubmittedCase(JsonElement c, JsonFieldReader read, MetadataFindings findings)
    {
        RefuseUnknown(c, FieldNames, CheckReportPaths.SubmittedCase, findings);
        var date = read.ReadDate(c, "submissionDate", CheckReportPaths.Field("submissionDate"));
        var submissionType = read.ReadEnum(c, "submissionType", CheckReportPaths.Field("submissionType"), SubmissionTypes);
        var tan = read.ReadPattern(c, "tan", CheckReportPaths.Field("tan"), GdcFormats.Hex64(), CheckReportRuleCodes.TanFormat);
        var submitterId = read.ReadPattern(c, "submitterId", CheckReportPaths.Field("submitterId"), Identifiers.IsIk, CheckReportRuleCodes.SubmitterIdFormat, "^[0-9]{9}$");
        var dataNodeId = read.ReadPattern(c, "dataNodeId", CheckReportPaths.Field("dataNodeId"), Identifiers.IsNodeId, CheckReportRuleCodes.DataNodeIdFormat,
            $"^{Identifiers.NodeIdPattern(NodeKind.Gdc)}$ or ^{Identifiers.NodeIdPattern(NodeKind.Cdn)}$");
        var diseaseType = read.ReadEnum(c, "diseaseType", CheckReportPaths.Field("diseaseType"), DiseaseTypes);
        var dataCategory = read.ReadEnum(c, "dataCategory", CheckReportPaths.Field("dataCategory"), DataCategories);
        var libraryType = read.ReadEnum(c, "libraryType", CheckReportPaths.Field("libraryType"), LibraryTypes);
        var coverageType = read.ReadEnum(c, "coverageType", CheckReportPaths.Field("coverageType"), CoverageTypes);
        var passed = read.ReadBoolean(c, "dataQualityCheckPassed", CheckReportPaths.Field("dataQualityCheckPassed"));

        if (string.Equals(tan, RedactedTan, StringComparison.Ordinal))
        {
            findings.Error(CheckReportRuleCodes.TanRedacted, CheckReportPaths.Field("tan"),
                "The TAN is redacted (64 zeros); a Prüfbericht must name the submission's real TAN.");
        }

        var hasCategory = WireNames.DataCategories.TryParse(dataCategory, out var category);
        var hasLibrary = WireNames.LibraryTypes.TryParse(libraryType, out var library);
        CheckConsistency(findings, hasCategory ? category : null, dataNodeId, hasLibrary ? library : null);

        if (date is { } d
            && WireNames.SubmissionTypes.TryParse(submissionType, out var type)
            && tan is not null && submitterId is not null && dataNodeId is not null
            && WireNames.DiseaseTypes.TryParse(diseaseType, out var disease)
            && hasCategory && hasLibrary
            && WireNames.CoverageTypes.TryParse(coverageType, out var coverage)
            && passed is { } p)
        {
            return new CheckReport(d, type, tan, submitterId, dataNodeId, disease, category, library, coverage, p);
        }

        return null;
    }

    /// <summary>Genomic reports come from a GRZ, clinical ones from a KDK; and a GRZ only ever
    /// reports data it sequenced, so "none" is a clinical-only value (grzctl derives the genomic
    /// library type from the index's lab data and cannot produce it).</summary>
    private static void CheckConsistency(MetadataFindings findings, DataCategory? category, string? dataNodeId, LibraryType? library)
    {
        var nodeKind = Identifiers.NodeKindOf(dataNodeId);
        if (category is { } c && nodeKind is { } kind)
        {
            var expected = c == DataCategory.Genomic ? NodeKind.Gdc : NodeKind.Cdn;
            if (kind != expected)
            {
                findings.Error(CheckReportRuleCodes.DataNodeKindMismatch, CheckReportPaths.Field("dataNodeId"),
                    $"A {WireNames.DataCategories.NameOf(c)} Prüfbericht must come from a {(expected == NodeKind.Gdc ? "GRZ" : "KDK")} node, not '{dataNodeId}'.");
            }
        }

        if (category == DataCategory.Genomic && library == LibraryType.None)
        {
            findings.Error(CheckReportRuleCodes.GenomicLibraryTypeNone, CheckReportPaths.Field("libraryType"),
                "A genomic Prüfbericht must name the sequencing done (panel, wes, wgs or wgs_lr); 'none' is for clinical reports without sequencing.");
        }
    }

    private static void RefuseUnknown(JsonElement element, IReadOnlyCollection<string> known, string path, MetadataFindings findings)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                findings.Error(CheckReportRuleCodes.FieldUnknown, $"{path}.{property.Name}",
                    $"'{property.Name}' is not a Prüfbericht field; expected only: {string.Join(", ", known)}.");
            }
        }
    }
}
