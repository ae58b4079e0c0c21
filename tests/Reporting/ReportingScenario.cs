using System.Net;
using System.Text.Json.Nodes;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Nodes;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.Tests.Cases;
using GenomDE.Orleans.Tests.Fixtures;

namespace GenomDE.Orleans.Tests.Reporting;

/// <summary>An LE and a GDC of their own (so the report of that GDC holds exactly this test's
/// submissions), with cases driven through the REST API.</summary>
internal sealed class ReportingScenario
{
    private readonly PlatformFixture _platform;

    private ReportingScenario(PlatformFixture platform, string provider, string gdc)
    {
        _platform = platform;
        Provider = provider;
        Gdc = gdc;
        GenomeCentre = platform.Client(ParticipantRole.Gdc, gdc);
    }

    public string Provider { get; }

    public string Gdc { get; }

    public HttpClient GenomeCentre { get; }

    public static async Task<ReportingScenario> Start(PlatformFixture platform)
    {
        var ik = TestIds.Ik();
        var registered = await platform.Operator().PutAsync($"/api/v1/providers/{ik}",
            new StringContent("{\"name\":\"Reporting LE\",\"indications\":[\"oncological\",\"rare\"],\"participationStart\":\"2024-01-01\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        var gdc = await new Api.NodeApiClient(platform.Operator()).NodeIn(NodeStatus.Approved, NodeKind.Gdc);
        return new ReportingScenario(platform, ik, gdc.NodeId!);
    }

    /// <summary>A new case of this LE and a conformance document for it, sent to this GDC on <paramref name="date"/>.</summary>
    public async Task<(CaseScenario Case, JsonNode Metadata, string Tan)> Genomic(string file, string date, string type = "initial", CaseScenario? existing = null)
    {
        var scenario = existing ?? await CaseScenario.Start(_platform, Provider);
        var metadata = scenario.Metadata(file, type);
        metadata["submission"]!["genomicDataCenterId"] = Gdc;
        metadata["submission"]!["submissionDate"] = date;
        return (scenario, metadata, metadata["submission"]!["tanG"]!.GetValue<string>());
    }

    public static async Task Submit(CaseScenario scenario, JsonNode metadata, string? key = null) =>
        await (await scenario.SubmitGenomic(metadata, key)).Read<SubmissionAnswer>(HttpStatusCode.Created);

    public async Task<SubmissionView> Receive(string tan, string basicQc)
    {
        await (await GenomeCentre.PostRaw($"/api/v1/inbox/{tan}/receipt", "")).Read<SubmissionView>();
        return await (await GenomeCentre.PostRaw($"/api/v1/inbox/{tan}/basic-qc", basicQc)).Read<SubmissionView>();
    }

    public async Task Report(CaseScenario scenario, string tan, bool passed)
    {
        var submission = (await scenario.Case()).Submissions.Single(s => s.Tan == tan);
        await (await GenomeCentre.PostRaw("/api/v1/reports", CaseScenario.Report(submission, passed, Provider).ToJsonString())).Read<SubmissionView>();
    }

    public async Task<SubmissionView> DetailedQc(string tan, JsonNode metadata, int donor, int labDatum, double depthFactor)
    {
        var lab = metadata["donors"]![donor]!["labData"]![labDatum]!;
        var reported = lab["sequenceData"]!;
        var body = new JsonObject
        {
            ["donorPseudonym"] = metadata["donors"]![donor]!["donorPseudonym"]!.GetValue<string>(),
            ["labDataName"] = lab["labDataName"]!.GetValue<string>(),
            ["qcWorkflowVersion"] = "1.1.0",
            ["recomputed"] = new JsonObject
            {
                ["percentBasesAboveQualityThreshold"] = reported["percentBasesAboveQualityThreshold"]!["percent"]!.GetValue<double>(),
                ["meanDepthOfCoverage"] = reported["meanDepthOfCoverage"]!.GetValue<double>() * depthFactor,
                ["targetedRegionsAboveMinCoverage"] = reported["targetedRegionsAboveMinCoverage"]!.GetValue<double>(),
            },
        };
        return await (await GenomeCentre.PostRaw($"/api/v1/inbox/{tan}/detailed-qc", body.ToJsonString())).Read<SubmissionView>();
    }

    /// <summary>Denies the mvSequencing module of donor <paramref name="donor"/> (a revocation).</summary>
    public static void DenySequencing(JsonNode metadata, int donor)
    {
        foreach (var scope in metadata["donors"]![donor]!["mvConsent"]!["scope"]!.AsArray())
        {
            if (scope!["domain"]!.GetValue<string>() == "mvSequencing")
            {
                scope["type"] = "deny";
            }
        }
    }
}
