using System.Text.Json;
using System.Text.RegularExpressions;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Nodes;
using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Domain.Clinical;

/// <summary>Reads the <c>metaData</c> of a clinical data set, given either alone or inside the full
/// data set (<c>{"metaData": …, "case": …}</c>, whose case part then supplies the variant and the
/// library type). Shape, type, format and vocabulary problems become findings; it never throws on
/// bad input. Unknown fields are tolerated, as in metadata.json: the KDK schema gains fields in
/// minor releases.</summary>
public static partial class ClinicalMetadataParser
{
    /// <summary>Amtlicher Gemeindeschlüssel: 8 digits (state, district, municipality).</summary>
    [GeneratedRegex("^[0-9]{8}$")]
    private static partial Regex AgsPattern();

    [GeneratedRegex("^[0-9]{4}-(0[1-9]|1[0-2])$")]
    private static partial Regex BirthMonthPattern();

    /// <summary>Null when the text is not a JSON object at all (reported as <c>json_malformed</c>).</summary>
    public static ClinicalMetadata? Parse(string json, MetadataFindings findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json ?? "");
        }
        catch (JsonException e)
        {
            findings.Error(MetadataRuleCodes.JsonMalformed, "$", $"The clinical data set is not valid JSON: {e.Message}");
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                findings.Error(MetadataRuleCodes.JsonMalformed, "$", "The clinical data set must be a JSON object.");
                return null;
            }

            var read = new JsonFieldReader(findings);
            if (root.TryGetProperty("metaData", out _))
            {
                var metaData = read.ReadObject(root, "metaData", ClinicalPaths.InDataSet.MetaData);
                return metaData is { } m ? new Reader(read, findings, ClinicalPaths.InDataSet).MetaData(m, Case(root, read)) : null;
            }

            return new Reader(read, findings, ClinicalPaths.Bare).MetaData(root, null);
        }
    }

    private static ClinicalCase? Case(JsonElement root, JsonFieldReader read)
    {
        if (read.ReadObject(root, "case", "$.case", required: false) is not { } c)
        {
            return null;
        }

        foreach (var (name, kind) in new[] { ("diagnosisOd", ClinicalDataSetKind.Oncology), ("diagnosisRd", ClinicalDataSetKind.RareDiseases) })
        {
            if (read.ReadObject(c, name, $"$.case.{name}", required: false) is { } diagnosis)
            {
                return new ClinicalCase(kind, read.ReadEnum(diagnosis, "libraryType", $"$.case.{name}.libraryType", ClinicalVocabulary.CaseLibraryType, required: false));
            }
        }

        return null;
    }

    private sealed class Reader(JsonFieldReader read, MetadataFindings findings, ClinicalPaths paths)
    {
        public ClinicalMetadata MetaData(JsonElement m, ClinicalCase? clinicalCase)
        {
            var submission = read.ReadObject(m, "submission", paths.Field("submission")) ?? default;
            var mvConsent = read.ReadObject(m, "mvConsent", paths.MvConsent) ?? default;
            var tanC = read.ReadPattern(m, "tanC", paths.Field("tanC"), GdcFormats.Hex64(), ClinicalRuleCodes.TanCFormat);
            if (tanC is not null && tanC.All(ch => ch == '0'))
            {
                findings.Error(ClinicalRuleCodes.TanCRedacted, paths.Field("tanC"), "tanC is the redacted TAN (64 zeros); send the submission's real TAN.");
            }

            var birthDate = read.ReadPattern(m, "birthDate", paths.Field("birthDate"), BirthMonthPattern(), ClinicalRuleCodes.BirthDateFormat);
            return new ClinicalMetadata(
                tanC,
                Submission(submission),
                read.ReadEnum(m, "coverageType", paths.Field("coverageType"), GdcVocabulary.CoverageType),
                MvConsent(mvConsent),
                read.ReadArray(m, "researchConsents", paths.Field("researchConsents"), ResearchConsent, required: false),
                read.ReadString(m, "localCaseId", paths.Field("localCaseId"), required: false),
                read.ReadEnum(m, "gender", paths.Field("gender"), GdcVocabulary.Gender),
                BirthMonth.Parse(birthDate),
                read.ReadPattern(m, "addressAGS", paths.Field("addressAGS"), AgsPattern(), ClinicalRuleCodes.AddressAgsFormat),
                read.ReadBoolean(m, "decisionToInclude", paths.Field("decisionToInclude")),
                read.ReadDate(m, "molecularBoardDecisionDate", paths.Field("molecularBoardDecisionDate")),
                read.ReadEnum(m, "rejectionJustification", paths.Field("rejectionJustification"), ClinicalVocabulary.RejectionJustification, required: false),
                clinicalCase,
                paths);
        }

        private ClinicalSubmission Submission(JsonElement s) => new(
            read.ReadDate(s, "date", paths.Submission("date")),
            read.ReadEnum(s, "type", paths.Submission("type"), GdcVocabulary.SubmissionType),
            read.ReadPattern(s, "submitterId", paths.Submission("submitterId"), Identifiers.IsIk, MetadataRuleCodes.SubmitterIdFormat, "^[0-9]{9}$"),
            read.ReadPattern(s, "clinicalDataNodeId", paths.Submission("clinicalDataNodeId"),
                v => Identifiers.NodeKindOf(v) == NodeKind.Cdn, MetadataRuleCodes.ClinicalDataNodeIdFormat, $"^{Identifiers.NodeIdPattern(NodeKind.Cdn)}$"),
            ReadOptionalGdcId(s),
            read.ReadEnum(s, "diseaseType", paths.Submission("diseaseType"), GdcVocabulary.DiseaseType));

        private string? ReadOptionalGdcId(JsonElement s)
        {
            if (!read.TryGet(s, "genomicDataCenterId", paths.Submission("genomicDataCenterId"), required: false, out _))
            {
                return null;
            }

            return read.ReadPattern(s, "genomicDataCenterId", paths.Submission("genomicDataCenterId"),
                v => Identifiers.NodeKindOf(v) == NodeKind.Gdc, MetadataRuleCodes.GenomicDataCenterIdFormat, $"^{Identifiers.NodeIdPattern(NodeKind.Gdc)}$");
        }

        private GdcMvConsent MvConsent(JsonElement c) => new(
            read.ReadDate(c, "presentationDate", paths.Field("mvConsent.presentationDate"), required: false),
            read.ReadString(c, "version", paths.Field("mvConsent.version")),
            read.ReadArray(c, "scope", paths.Field("mvConsent.scope"), (s, p) =>
            {
                read.Expect(s, JsonValueKind.Object, p, "a consent module object");
                return new GdcMvConsentScope(
                    read.ReadEnum(s, "type", $"{p}.type", GdcVocabulary.MvConsentType),
                    read.ReadDate(s, "date", $"{p}.date"),
                    read.ReadEnum(s, "domain", $"{p}.domain", GdcVocabulary.MvConsentDomain));
            }));

        private GdcResearchConsent ResearchConsent(JsonElement c, string path)
        {
            read.Expect(c, JsonValueKind.Object, path, "a research consent object");
            var scope = read.ReadObject(c, "scope", $"{path}.scope", required: false);
            return new GdcResearchConsent(
                read.ReadEnum(c, "schemaVersion", $"{path}.schemaVersion", GdcVocabulary.ResearchConsentSchemaVersion, required: scope is not null),
                read.ReadDate(c, "presentationDate", $"{path}.presentationDate", required: false),
                scope?.Clone(),
                read.ReadEnum(c, "noScopeJustification", $"{path}.noScopeJustification", GdcVocabulary.NoScopeJustification, required: false));
        }
    }
}
