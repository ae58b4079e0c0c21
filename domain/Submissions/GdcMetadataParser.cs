using System.Text.Json;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Nodes;

namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>Turns the raw metadata.json into <see cref="GdcMetadata"/>, reporting shape, type,
/// format and vocabulary problems as findings. It never throws on bad input: a submitter must get
/// a report listing everything that is wrong, not a stack trace about the first thing.</summary>
public static class GdcMetadataParser
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 128 };

    /// <summary>Null when the text is not a JSON object at all (reported as <c>json_malformed</c>).</summary>
    public static GdcMetadata? Parse(string json, MetadataFindings findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json ?? "", Options);
        }
        catch (JsonException e)
        {
            findings.Error(MetadataRuleCodes.JsonMalformed, GdcPaths.Root, $"metadata.json is not valid JSON: {e.Message}");
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                findings.Error(MetadataRuleCodes.JsonMalformed, GdcPaths.Root, "metadata.json must be a JSON object.");
                return null;
            }

            return new Reader(new JsonFieldReader(findings), findings).Metadata(root);
        }
    }

    private sealed class Reader(JsonFieldReader read, MetadataFindings findings)
    {
        public GdcMetadata Metadata(JsonElement root)
        {
            var schema = read.ReadString(root, "$schema", GdcPaths.Schema);
            var version = GdcFormats.SchemaVersionOf(schema);
            if (schema is not null && (version is null || version < GdcMetadata.MinimumSchemaVersion || version > GdcMetadata.MaximumSchemaVersion))
            {
                findings.Error(MetadataRuleCodes.SchemaVersionUnsupported, GdcPaths.Schema,
                    $"'{schema}' does not name a supported metadata schema: expected the BfArM-MVH/MVGenomseq GRZ schema URL of a version from {GdcMetadata.MinimumSchemaVersion} to {GdcMetadata.MaximumSchemaVersion}.");
            }

            var submission = read.ReadObject(root, "submission", GdcPaths.Submission) ?? default;
            return new GdcMetadata(
                schema,
                version,
                Submission(submission, GdcPaths.Submission),
                read.ReadArray(root, "donors", GdcPaths.Donors, Donor));
        }

        private GdcSubmission Submission(JsonElement s, string path) => new(
            read.ReadDate(s, "submissionDate", At(path, "submissionDate")),
            read.ReadEnum(s, "submissionType", At(path, "submissionType"), GdcVocabulary.SubmissionType),
            read.ReadPattern(s, "tanG", At(path, "tanG"), GdcFormats.Hex64(), MetadataRuleCodes.TanGFormat),
            read.ReadString(s, "localCaseId", At(path, "localCaseId")),
            read.ReadEnum(s, "coverageType", At(path, "coverageType"), GdcVocabulary.CoverageType),
            read.ReadPattern(s, "submitterId", At(path, "submitterId"), Identifiers.IsIk, MetadataRuleCodes.SubmitterIdFormat, "^[0-9]{9}$"),
            read.ReadPattern(s, "genomicDataCenterId", At(path, "genomicDataCenterId"), v => Identifiers.NodeKindOf(v) == NodeKind.Gdc, MetadataRuleCodes.GenomicDataCenterIdFormat, $"^{Identifiers.NodeIdPattern(NodeKind.Gdc)}$"),
            read.ReadPattern(s, "clinicalDataNodeId", At(path, "clinicalDataNodeId"), v => Identifiers.NodeKindOf(v) == NodeKind.Cdn, MetadataRuleCodes.ClinicalDataNodeIdFormat, $"^{Identifiers.NodeIdPattern(NodeKind.Cdn)}$"),
            read.ReadEnum(s, "diseaseType", At(path, "diseaseType"), GdcVocabulary.DiseaseType),
            read.ReadEnum(s, "genomicStudyType", At(path, "genomicStudyType"), GdcVocabulary.GenomicStudyType),
            read.ReadEnum(s, "genomicStudySubtype", At(path, "genomicStudySubtype"), GdcVocabulary.GenomicStudySubtype),
            read.ReadString(s, "labName", At(path, "labName")));

        private GdcDonor Donor(JsonElement d, string path)
        {
            read.Expect(d, JsonValueKind.Object, path, "a donor object");
            var mvConsent = read.ReadObject(d, "mvConsent", At(path, "mvConsent")) ?? default;
            return new GdcDonor(
                read.ReadString(d, "donorPseudonym", At(path, "donorPseudonym")),
                read.ReadEnum(d, "gender", At(path, "gender"), GdcVocabulary.Gender),
                read.ReadEnum(d, "relation", At(path, "relation"), GdcVocabulary.Relation),
                MvConsent(mvConsent, At(path, "mvConsent")),
                read.ReadArray(d, "researchConsents", At(path, "researchConsents"), ResearchConsent),
                read.ReadArray(d, "labData", At(path, "labData"), LabDatum));
        }

        private GdcMvConsent MvConsent(JsonElement c, string path) => new(
            read.ReadDate(c, "presentationDate", At(path, "presentationDate"), required: false),
            read.ReadString(c, "version", At(path, "version")),
            read.ReadArray(c, "scope", At(path, "scope"), (s, p) =>
            {
                read.Expect(s, JsonValueKind.Object, p, "a consent module object");
                return new GdcMvConsentScope(
                    read.ReadEnum(s, "type", At(p, "type"), GdcVocabulary.MvConsentType),
                    read.ReadDate(s, "date", At(p, "date")),
                    read.ReadEnum(s, "domain", At(p, "domain"), GdcVocabulary.MvConsentDomain));
            }));

        private GdcResearchConsent ResearchConsent(JsonElement c, string path)
        {
            read.Expect(c, JsonValueKind.Object, path, "a research consent object");
            var scope = read.ReadObject(c, "scope", At(path, "scope"), required: false);
            return new GdcResearchConsent(
                read.ReadEnum(c, "schemaVersion", At(path, "schemaVersion"), GdcVocabulary.ResearchConsentSchemaVersion, required: false),
                read.ReadDate(c, "presentationDate", At(path, "presentationDate"), required: false),
                scope?.Clone(),
                read.ReadEnum(c, "noScopeJustification", At(path, "noScopeJustification"), GdcVocabulary.NoScopeJustification, required: false));
        }

        private GdcLabDatum LabDatum(JsonElement l, string path)
        {
            read.Expect(l, JsonValueKind.Object, path, "a lab datum object");
            var ontology = read.ReadObject(l, "tissueOntology", At(path, "tissueOntology"));
            var sequenceData = read.ReadObject(l, "sequenceData", At(path, "sequenceData"), required: false);
            return new GdcLabDatum(
                read.ReadString(l, "labDataName", At(path, "labDataName")),
                ontology is { } o
                    ? new GdcTissueOntology(read.ReadString(o, "name", At(path, "tissueOntology.name")), read.ReadString(o, "version", At(path, "tissueOntology.version")))
                    : null,
                read.ReadString(l, "tissueTypeId", At(path, "tissueTypeId")),
                read.ReadString(l, "tissueTypeName", At(path, "tissueTypeName")),
                read.ReadDate(l, "sampleDate", At(path, "sampleDate")),
                read.ReadEnum(l, "sampleConservation", At(path, "sampleConservation"), GdcVocabulary.SampleConservation),
                read.ReadEnum(l, "sequenceType", At(path, "sequenceType"), GdcVocabulary.SequenceType),
                read.ReadEnum(l, "sequenceSubtype", At(path, "sequenceSubtype"), GdcVocabulary.SequenceSubtype),
                read.ReadEnum(l, "fragmentationMethod", At(path, "fragmentationMethod"), GdcVocabulary.FragmentationMethod),
                read.ReadEnum(l, "libraryType", At(path, "libraryType"), GdcVocabulary.LibraryType),
                read.ReadString(l, "libraryPrepKit", At(path, "libraryPrepKit")),
                read.ReadString(l, "libraryPrepKitManufacturer", At(path, "libraryPrepKitManufacturer")),
                read.ReadString(l, "sequencerModel", At(path, "sequencerModel")),
                read.ReadString(l, "sequencerManufacturer", At(path, "sequencerManufacturer")),
                read.ReadString(l, "kitName", At(path, "kitName")),
                read.ReadString(l, "kitManufacturer", At(path, "kitManufacturer")),
                read.ReadEnum(l, "enrichmentKitManufacturer", At(path, "enrichmentKitManufacturer"), GdcVocabulary.EnrichmentKitManufacturer),
                read.ReadString(l, "enrichmentKitDescription", At(path, "enrichmentKitDescription")),
                read.ReadString(l, "barcode", At(path, "barcode")),
                read.ReadEnum(l, "sequencingLayout", At(path, "sequencingLayout"), GdcVocabulary.SequencingLayout),
                read.ReadOptionalArray(l, "tumorCellCount", At(path, "tumorCellCount"), (t, p) => new GdcTumorCellCount(
                    read.ReadNumber(t, "count", At(p, "count"), 0, 100),
                    read.ReadEnum(t, "method", At(p, "method"), GdcVocabulary.TumorCellCountMethod))),
                sequenceData is { } s ? SequenceData(s, At(path, "sequenceData")) : null);
        }

        private GdcSequenceData SequenceData(JsonElement s, string path)
        {
            var quality = read.ReadObject(s, "percentBasesAboveQualityThreshold", At(path, "percentBasesAboveQualityThreshold")) ?? default;
            var qualityPath = At(path, "percentBasesAboveQualityThreshold");
            return new GdcSequenceData(
                read.ReadString(s, "bioinformaticsPipelineName", At(path, "bioinformaticsPipelineName")),
                read.ReadString(s, "bioinformaticsPipelineVersion", At(path, "bioinformaticsPipelineVersion")),
                read.ReadEnum(s, "referenceGenome", At(path, "referenceGenome"), GdcVocabulary.ReferenceGenome),
                new GdcBaseQuality(
                    read.ReadNumber(quality, "minimumQuality", At(qualityPath, "minimumQuality")),
                    read.ReadNumber(quality, "percent", At(qualityPath, "percent"), 0, 100)),
                read.ReadNumber(s, "meanDepthOfCoverage", At(path, "meanDepthOfCoverage")),
                read.ReadNumber(s, "minCoverage", At(path, "minCoverage")),
                read.ReadNumber(s, "targetedRegionsAboveMinCoverage", At(path, "targetedRegionsAboveMinCoverage"), 0, 1),
                read.ReadBoolean(s, "nonCodingVariants", At(path, "nonCodingVariants")),
                read.ReadArray(s, "callerUsed", At(path, "callerUsed"), (c, p) => new GdcCaller(
                    read.ReadString(c, "name", At(p, "name")),
                    read.ReadString(c, "version", At(p, "version")))),
                read.ReadArray(s, "files", At(path, "files"), File));
        }

        private GdcFile File(JsonElement f, string path)
        {
            read.Expect(f, JsonValueKind.Object, path, "a file object");
            return new GdcFile(
                read.ReadString(f, "filePath", At(path, "filePath")),
                read.ReadEnum(f, "fileType", At(path, "fileType"), GdcVocabulary.FileType),
                // Absent means sha256, the only algorithm the schema knows.
                read.ReadEnum(f, "checksumType", At(path, "checksumType"), GdcVocabulary.ChecksumType, required: false) ?? "sha256",
                read.ReadPattern(f, "fileChecksum", At(path, "fileChecksum"), GdcFormats.Hex64(), MetadataRuleCodes.FileChecksumFormat),
                read.ReadInteger(f, "fileSizeInBytes", At(path, "fileSizeInBytes")),
                read.ReadEnum(f, "readOrder", At(path, "readOrder"), GdcVocabulary.ReadOrder, required: false),
                read.ReadInteger(f, "readLength", At(path, "readLength"), required: false),
                read.ReadString(f, "flowcellId", At(path, "flowcellId"), required: false),
                read.ReadString(f, "laneId", At(path, "laneId"), required: false));
        }

        private static string At(string parent, string name) => GdcPaths.Field(parent, name);
    }
}
