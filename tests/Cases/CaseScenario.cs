using System.Net;
using System.Text.Json.Nodes;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Nodes;
using GenomDE.Orleans.Domain.Reports;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.Tests.Fixtures;
using GenomDE.Orleans.Tests.Submissions;

namespace GenomDE.Orleans.Tests.Cases;

/// <summary>One case of the conformance LE (123456789), driven through the REST API the way the
/// hospital, the GDC GRZM00123 and the CDN KDKM00456 of the official examples would.</summary>
public sealed class CaseScenario
{
    public const string Provider = "123456789";
    public const string Gdc = "GRZM00123";
    public const string Cdn = "KDKM00456";

    private CaseScenario(PlatformFixture platform, string localCaseId, string provider)
    {
        LocalCaseId = localCaseId;
        ProviderId = provider;
        Hospital = platform.Client(ParticipantRole.Provider, provider);
        GenomeCentre = platform.Client(ParticipantRole.Gdc, Gdc);
        ClinicalNode = platform.Client(ParticipantRole.Cdn, Cdn);
    }

    public string LocalCaseId { get; }

    public string ProviderId { get; }

    public HttpClient Hospital { get; }

    public HttpClient GenomeCentre { get; }

    public HttpClient ClinicalNode { get; }

    /// <summary>Registers a fresh case; the example nodes are approved once (replays of the same keys).</summary>
    public static async Task<CaseScenario> Start(PlatformFixture platform, string provider = Provider)
    {
        var nodes = new Api.NodeApiClient(platform.Operator());
        foreach (var (kind, nodeId) in new[] { (NodeKind.Gdc, Gdc), (NodeKind.Cdn, Cdn) })
        {
            var applied = await nodes.Apply(kind, $"Example node {nodeId}", key: $"conformance-{nodeId}-apply");
            if (applied.Status == NodeStatus.Applied && applied.NodeId is null)
            {
                await nodes.Command(applied.ApplicationId, "review", key: $"conformance-{nodeId}-review");
                await nodes.Approve(applied.ApplicationId, nodeId, key: $"conformance-{nodeId}-approve");
            }
        }

        var scenario = new CaseScenario(platform, "CASE-" + TestIds.Key()[..12], provider);
        await (await scenario.Hospital.PostJson("/api/v1/cases", new { localCaseId = scenario.LocalCaseId })).Read<CaseView>(HttpStatusCode.Created);
        return scenario;
    }

    /// <summary>A conformance metadata.json re-addressed to this case with a fresh TAN.</summary>
    public JsonNode Metadata(string file, string submissionType = "initial", string? tan = null)
    {
        var document = MetadataDocument.Load(file);
        document.Submission["tanG"] = tan ?? NewTan();
        document.Submission["localCaseId"] = LocalCaseId;
        document.Submission["submissionType"] = submissionType;
        document.Submission["submitterId"] = ProviderId;
        return document.Root;
    }

    public static string NewTan() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>The clinical example metaData re-addressed to this case with a fresh TAN.</summary>
    public JsonObject ClinicalMetaData(string submissionType = "initial", string diseaseType = "oncological", string? tan = null)
    {
        var document = Clinical.ClinicalDocument.Load();
        document.MetaData["tanC"] = tan ?? NewTan();
        document.MetaData["localCaseId"] = LocalCaseId;
        document.Submission["type"] = submissionType;
        document.Submission["diseaseType"] = diseaseType;
        document.Submission["submitterId"] = ProviderId;
        return document.MetaData;
    }

    public Task<HttpResponseMessage> SubmitClinical(JsonNode metaData, string? key = null) =>
        Hospital.PostJsonText($"/api/v1/cases/{LocalCaseId}/clinical-submissions", metaData.ToJsonString(), key);

    /// <summary>The CDN's side: receipt, QC, Prüfbericht.</summary>
    public async Task<CaseView> CdnProcesses(string tan, bool passed = true)
    {
        await (await ClinicalNode.PostRaw($"/api/v1/inbox/{tan}/receipt", "")).Read<SubmissionView>();
        var qc = passed ? "{\"passed\":true}" : "{\"passed\":false,\"failureReason\":\"validation_error\"}";
        await (await ClinicalNode.PostRaw($"/api/v1/inbox/{tan}/basic-qc", qc)).Read<SubmissionView>();
        var submission = (await Case()).Submissions.Single(s => s.Tan == tan);
        await (await ClinicalNode.PostRaw("/api/v1/reports", Report(submission, passed).ToJsonString())).Read<SubmissionView>();
        return await Case();
    }

    public Task<HttpResponseMessage> SubmitGenomic(JsonNode metadata, string? key = null) =>
        Hospital.PostJsonText($"/api/v1/cases/{LocalCaseId}/genomic-submissions", metadata.ToJsonString(), key);

    public async Task<CaseView> Case() => await (await Hospital.GetAsync($"/api/v1/cases/{LocalCaseId}")).Read<CaseView>();

    /// <summary>The GDC's side: receipt, basic QC, then the Prüfbericht grzctl would send.</summary>
    public async Task<CaseView> GdcProcesses(string tan, bool passed = true)
    {
        await (await GenomeCentre.PostRaw($"/api/v1/inbox/{tan}/receipt", "")).Read<SubmissionView>();
        var qc = passed ? "{\"passed\":true}" : "{\"passed\":false,\"failureReason\":\"validation_error\",\"detail\":\"checksum mismatch\"}";
        await (await GenomeCentre.PostRaw($"/api/v1/inbox/{tan}/basic-qc", qc)).Read<SubmissionView>();
        var submission = (await Case()).Submissions.Single(s => s.Tan == tan);
        await (await GenomeCentre.PostRaw("/api/v1/reports", Report(submission, passed).ToJsonString())).Read<SubmissionView>();
        return await Case();
    }

    /// <summary>The Prüfbericht that matches <paramref name="submission"/>, as a node writes it.</summary>
    public JsonObject Report(SubmissionView submission, bool passed) => Report(submission, passed, ProviderId);

    public static JsonObject Report(SubmissionView submission, bool passed, string provider) => new()
    {
        ["SubmittedCase"] = new JsonObject
        {
            ["submissionDate"] = submission.SubmissionDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["submissionType"] = GenomDE.Orleans.Domain.Submissions.WireNames.SubmissionTypes.NameOf(submission.SubmissionType),
            ["tan"] = submission.Tan,
            ["submitterId"] = provider,
            ["dataNodeId"] = submission.NodeId,
            ["diseaseType"] = GenomDE.Orleans.Domain.Submissions.WireNames.DiseaseTypes.NameOf(submission.DiseaseType),
            ["dataCategory"] = GenomDE.Orleans.Domain.Submissions.WireNames.DataCategories.NameOf(submission.DataCategory),
            ["libraryType"] = GenomDE.Orleans.Domain.Submissions.WireNames.LibraryTypes.NameOf(submission.LibraryType ?? GenomDE.Orleans.Domain.Submissions.LibraryType.None),
            ["coverageType"] = GenomDE.Orleans.Domain.Submissions.WireNames.CoverageTypes.NameOf(submission.CoverageType),
            ["dataQualityCheckPassed"] = passed,
        },
    };
}
