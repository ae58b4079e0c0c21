using System.Net;
using System.Text.Json.Nodes;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Nodes;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.Tests.Fixtures;
using GenomDE.Orleans.Tests.Submissions;

namespace GenomDE.Orleans.Tests.Cases;

/// <summary>Both halves of a case: genomic to the GDC, clinical to the CDN, both reports in.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class FullCaseTests(PlatformFixture platform)
{
    [Fact]
    public async Task An_oncology_wgs_tumor_germline_case_passes_qc_when_both_reports_are_in()
    {
        var scenario = await CaseScenario.Start(platform);
        var genomic = scenario.Metadata(MetadataDocument.WgsTumorGermline);
        var clinical = scenario.ClinicalMetaData();
        var tanG = genomic["submission"]!["tanG"]!.GetValue<string>();
        var tanC = clinical["tanC"]!.GetValue<string>();

        await (await scenario.SubmitGenomic(genomic)).Read<SubmissionAnswer>(HttpStatusCode.Created);
        var afterClinical = await (await scenario.SubmitClinical(clinical)).Read<SubmissionAnswer>(HttpStatusCode.Created);
        Assert.Equal(CaseStatus.DataTransferred, afterClinical.Case.Status);
        Assert.Contains(await (await scenario.ClinicalNode.GetAsync("/api/v1/inbox")).Read<List<SubmissionView>>(), e => e.Tan == tanC);

        await scenario.GdcProcesses(tanG);
        Assert.Equal(CaseStatus.DataTransferred, (await scenario.Case()).Status);
        var done = await scenario.CdnProcesses(tanC);

        Assert.Equal(CaseStatus.Confirmed, done.Status); // QC passed, and both confirmations issued
        Assert.All(done.Submissions, s => Assert.Equal(SubmissionStatus.Reported, s.Status));
        Assert.Equal(LibraryType.Wgs, done.Submissions.Single(s => s.DataCategory == DataCategory.Clinical).LibraryType);
    }

    [Fact]
    public async Task A_rare_disease_trio_case_runs_through_both_nodes()
    {
        var scenario = await CaseScenario.Start(platform);
        var genomic = scenario.Metadata(MetadataDocument.Trio);
        var disease = genomic["submission"]!["diseaseType"]!.GetValue<string>();
        var clinical = scenario.ClinicalMetaData(diseaseType: disease);

        await (await scenario.SubmitGenomic(genomic)).Read<SubmissionAnswer>(HttpStatusCode.Created);
        await (await scenario.SubmitClinical(clinical)).Read<SubmissionAnswer>(HttpStatusCode.Created);
        await scenario.GdcProcesses(genomic["submission"]!["tanG"]!.GetValue<string>());
        var done = await scenario.CdnProcesses(clinical["tanC"]!.GetValue<string>());

        Assert.Equal(CaseStatus.Confirmed, done.Status); // QC passed, and both confirmations issued
        Assert.Equal("rare", disease);
    }

    [Fact]
    public async Task Clinical_data_must_go_to_the_cdn_the_genomic_metadata_named()
    {
        var scenario = await CaseScenario.Start(platform);
        await (await scenario.SubmitGenomic(scenario.Metadata(MetadataDocument.Panel))).Read<SubmissionAnswer>(HttpStatusCode.Created);
        var clinical = scenario.ClinicalMetaData();
        clinical["submission"]!["clinicalDataNodeId"] = "KDKTUE002";

        var response = await scenario.SubmitClinical(clinical);

        await response.AssertProblem(HttpStatusCode.UnprocessableEntity, "metadata_invalid");
        Assert.Contains("clinical_data_node_not_receiver", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clinical_tan_shares_the_providers_tan_namespace()
    {
        var scenario = await CaseScenario.Start(platform);
        var genomic = scenario.Metadata(MetadataDocument.Panel);
        await (await scenario.SubmitGenomic(genomic)).Read<SubmissionAnswer>(HttpStatusCode.Created);

        var clinical = scenario.ClinicalMetaData(tan: genomic["submission"]!["tanG"]!.GetValue<string>());

        await (await scenario.SubmitClinical(clinical)).AssertProblem(HttpStatusCode.Conflict, "duplicate_tang");
    }

    [Fact]
    public async Task Clinical_rules_refuse_with_paths_and_a_provider_must_be_admitted_for_the_disease()
    {
        var scenario = await CaseScenario.Start(platform);
        var clinical = scenario.ClinicalMetaData();
        clinical["birthDate"] = "1850-01";

        var response = await scenario.SubmitClinical(clinical);
        await response.AssertProblem(HttpStatusCode.UnprocessableEntity, "metadata_invalid");
        Assert.Contains("age_out_of_range", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Provider 100000002 is admitted for oncology only.
        var oncologyOnly = platform.Client(GenomDE.Orleans.Domain.Common.ParticipantRole.Provider, "100000002");
        var localCaseId = "CASE-" + TestIds.Key()[..10];
        await (await oncologyOnly.PostJson("/api/v1/cases", new { localCaseId })).Read<CaseView>(HttpStatusCode.Created);
        var rare = scenario.ClinicalMetaData(diseaseType: "rare");
        rare["localCaseId"] = localCaseId;
        rare["submission"]!["submitterId"] = "100000002";
        var refused = await oncologyOnly.PostJsonText($"/api/v1/cases/{localCaseId}/clinical-submissions", rare.ToJsonString(), null);
        await refused.AssertProblem(HttpStatusCode.Forbidden, "not_admitted");

        // A hospital the operator never registered (its token from an issuer that knows more clients) registers nothing.
        var unregistered = platform.Client(GenomDE.Orleans.Domain.Common.ParticipantRole.Provider, TestIds.Ik());
        await (await unregistered.PostJson("/api/v1/cases", new { localCaseId })).AssertProblem(HttpStatusCode.Forbidden, "provider_not_registered");
    }

    [Fact]
    public async Task The_official_example_check_report_is_accepted_for_its_submission()
    {
        // pruefbericht-example.json names LE 000000000 and node KDKK00000 with a fixed TAN: set that world up.
        var example = JsonNode.Parse(File.ReadAllText(Path.Combine(Conformance.Directory, "pruefbericht-example.json")))!;
        var exampleCase = example["SubmittedCase"]!;
        var ops = platform.Operator();
        await ops.PutAsync("/api/v1/providers/000000000", new StringContent("{\"name\":\"Example LE of the Prüfbericht (invented)\",\"indications\":[\"oncological\"],\"participationStart\":\"2024-07-01\"}", System.Text.Encoding.UTF8, "application/json"));
        var nodes = new Api.NodeApiClient(ops);
        var applied = await nodes.Apply(GenomDE.Orleans.Domain.Nodes.NodeKind.Cdn, "Example KDK", key: "conformance-KDKK00000-apply");
        if (applied.NodeId is null)
        {
            await nodes.Command(applied.ApplicationId, "review", key: "conformance-KDKK00000-review");
            await nodes.Approve(applied.ApplicationId, "KDKK00000", key: "conformance-KDKK00000-approve");
        }

        var hospital = platform.Client(GenomDE.Orleans.Domain.Common.ParticipantRole.Provider, "000000000");
        var localCaseId = "CASE-" + TestIds.Key()[..10];
        await (await hospital.PostJson("/api/v1/cases", new { localCaseId }, "example-register-" + localCaseId)).Read<CaseView>(HttpStatusCode.Created);
        var clinical = Clinical.ClinicalDocument.Load();
        clinical.MetaData["tanC"] = exampleCase["tan"]!.GetValue<string>();
        clinical.MetaData["localCaseId"] = localCaseId;
        clinical.Submission["submitterId"] = "000000000";
        clinical.Submission["clinicalDataNodeId"] = "KDKK00000";
        clinical.Submission["date"] = exampleCase["submissionDate"]!.GetValue<string>();
        var submitted = await hospital.PostJsonText($"/api/v1/cases/{localCaseId}/clinical-submissions", clinical.MetaData.ToJsonString(), "example-clinical-" + localCaseId);
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());

        var node = platform.Client(GenomDE.Orleans.Domain.Common.ParticipantRole.Cdn, "KDKK00000");
        var accepted = await (await node.PostRaw("/api/v1/reports", example.ToJsonString())).Read<SubmissionView>();

        var report = accepted.Report!; // the node gets the submission it reported on, not the LE's whole case
        Assert.Equal((DataCategory.Clinical, LibraryType.Panel, true), (report.DataCategory, report.LibraryType, report.DataQualityCheckPassed));
    }
}
