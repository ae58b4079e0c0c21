using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Nodes;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.Tests.Fixtures;
using GenomDE.Orleans.Tests.Submissions;

namespace GenomDE.Orleans.Tests.Cases;

/// <summary>Whole cases through the REST API and a two-silo cluster: the LE's genomic submissions,
/// the GDC's receipt, QC and Prüfbericht, and the rules between them.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class GenomicCaseTests(PlatformFixture platform)
{
    [Theory]
    [InlineData(MetadataDocument.WgsTumorGermline, LibraryType.Wgs)]
    [InlineData(MetadataDocument.Trio, LibraryType.Wgs)]
    [InlineData(MetadataDocument.Panel, LibraryType.Panel)]
    [InlineData(MetadataDocument.LongRead, LibraryType.WgsLr)]
    public async Task A_genomic_initial_goes_from_submission_through_qc_to_an_accepted_check_report(string file, LibraryType library)
    {
        var scenario = await CaseScenario.Start(platform);
        var metadata = scenario.Metadata(file);
        var tan = metadata["submission"]!["tanG"]!.GetValue<string>();

        var answer = await (await scenario.SubmitGenomic(metadata)).Read<SubmissionAnswer>(HttpStatusCode.Created);

        Assert.Equal(CaseStatus.DataTransferred, answer.Case.Status);
        var submission = Assert.Single(answer.Case.Submissions);
        Assert.Equal((tan, DataCategory.Genomic, SubmissionStatus.Submitted, CaseScenario.Gdc, library), (submission.Tan, submission.DataCategory, submission.Status, submission.NodeId, submission.LibraryType));
        var inbox = await (await scenario.GenomeCentre.GetAsync("/api/v1/inbox")).Read<List<SubmissionView>>();
        Assert.Contains(inbox, e => e.Tan == tan);

        var after = await scenario.GdcProcesses(tan);

        var reported = Assert.Single(after.Submissions);
        Assert.Equal(SubmissionStatus.Reported, reported.Status);
        Assert.DoesNotContain(await (await scenario.GenomeCentre.GetAsync("/api/v1/inbox")).Read<List<SubmissionView>>(), e => e.Tan == tan); // the node's work is done
        await (await scenario.GenomeCentre.PostRaw($"/api/v1/inbox/{tan}/receipt", "")).AssertProblem(HttpStatusCode.Conflict, "illegal_submission_step"); // still found after it left the inbox
        Assert.True(reported.Report!.DataQualityCheckPassed);
        Assert.Equal(CaseStatus.DataTransferred, after.Status); // the clinical half is still missing
        // Whether this submission is also picked for detailed QC depends on the LE's other submissions this month.
        Assert.Equal(["registered", "genomic initial submission to GRZM00123", "data received by GRZM00123", "basic QC passed", "genomic check report accepted (QC passed)"],
            after.History.Select(h => h.What.Replace("; picked for detailed QC", "", StringComparison.Ordinal)));
        Assert.Equal(reported.DetailedQcSelected == true, after.History[3].What.EndsWith("picked for detailed QC", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_nodes_answers_carry_the_tan_and_the_submission_but_not_the_hospitals_case()
    {
        var scenario = await CaseScenario.Start(platform);
        var metadata = scenario.Metadata(MetadataDocument.WgsTumorGermline);
        var tan = metadata["submission"]!["tanG"]!.GetValue<string>();
        await (await scenario.SubmitGenomic(metadata)).Read<SubmissionAnswer>(HttpStatusCode.Created);

        var told = new List<string>
        {
            await (await scenario.GenomeCentre.GetAsync("/api/v1/inbox")).Content.ReadAsStringAsync(),
            await (await scenario.GenomeCentre.PostRaw($"/api/v1/inbox/{tan}/receipt", "")).Content.ReadAsStringAsync(),
            await (await scenario.GenomeCentre.PostRaw($"/api/v1/inbox/{tan}/basic-qc", "{\"passed\":true}")).Content.ReadAsStringAsync(),
        };
        var submission = (await scenario.Case()).Submissions.Single(s => s.Tan == tan);
        told.Add(await (await scenario.GenomeCentre.PostRaw("/api/v1/reports", scenario.Report(submission, true).ToJsonString())).Content.ReadAsStringAsync());

        Assert.All(told, answer =>
        {
            Assert.Contains(tan, answer, StringComparison.OrdinalIgnoreCase); // what the node works with
            Assert.DoesNotContain(scenario.LocalCaseId, answer, StringComparison.Ordinal);
            Assert.DoesNotContain(CaseKeys.Of(CaseScenario.Provider, scenario.LocalCaseId), answer, StringComparison.Ordinal);
            Assert.DoesNotContain("caseKey", answer, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Follow_ups_additions_and_corrections_come_after_one_initial()
    {
        var scenario = await CaseScenario.Start(platform);

        await (await scenario.SubmitGenomic(scenario.Metadata(MetadataDocument.WgsTumorGermline, "followup"))).AssertProblem(HttpStatusCode.Conflict, "initial_missing");
        await (await scenario.SubmitGenomic(scenario.Metadata(MetadataDocument.WgsTumorGermline))).Read<SubmissionAnswer>(HttpStatusCode.Created);
        await (await scenario.SubmitGenomic(scenario.Metadata(MetadataDocument.WgsTumorGermline))).AssertProblem(HttpStatusCode.Conflict, "initial_exists");
        await (await scenario.SubmitGenomic(scenario.Metadata(MetadataDocument.WgsTumorGermline, "followup"))).Read<SubmissionAnswer>(HttpStatusCode.Created);
        await (await scenario.SubmitGenomic(scenario.Metadata(MetadataDocument.WgsTumorGermline, "addition"))).Read<SubmissionAnswer>(HttpStatusCode.Created);
        var last = await (await scenario.SubmitGenomic(scenario.Metadata(MetadataDocument.WgsTumorGermline, "correction"))).Read<SubmissionAnswer>(HttpStatusCode.Created);

        Assert.Equal([SubmissionType.Initial, SubmissionType.Followup, SubmissionType.Addition, SubmissionType.Correction], last.Case.Submissions.Select(s => s.SubmissionType));
        Assert.Equal(4, last.Case.Submissions.Select(s => s.Tan).Distinct().Count());
    }

    [Fact]
    public async Task A_test_submission_runs_the_whole_path()
    {
        var scenario = await CaseScenario.Start(platform);
        var metadata = scenario.Metadata(MetadataDocument.Panel, "test");
        var tan = metadata["submission"]!["tanG"]!.GetValue<string>();
        await (await scenario.SubmitGenomic(metadata)).Read<SubmissionAnswer>(HttpStatusCode.Created);

        var after = await scenario.GdcProcesses(tan);

        var test = Assert.Single(after.Submissions);
        Assert.True(test.IsTest);
        Assert.Equal(SubmissionType.Test, test.Report!.SubmissionType);
    }

    [Fact]
    public async Task A_failed_qc_fails_the_case_and_a_resubmission_with_a_new_tan_goes_on()
    {
        var scenario = await CaseScenario.Start(platform);
        var first = scenario.Metadata(MetadataDocument.WgsTumorGermline);
        var firstTan = first["submission"]!["tanG"]!.GetValue<string>();
        await (await scenario.SubmitGenomic(first)).Read<SubmissionAnswer>(HttpStatusCode.Created);

        var failed = await scenario.GdcProcesses(firstTan, passed: false);
        Assert.Equal(CaseStatus.QcFailed, failed.Status);
        Assert.Equal(BasicQcFailureReason.ValidationError, failed.Submissions.Single().BasicQc!.FailureReason);

        // The same TAN may never come back; a new initial with a new TAN may.
        await (await scenario.SubmitGenomic(scenario.Metadata(MetadataDocument.WgsTumorGermline, tan: firstTan))).AssertProblem(HttpStatusCode.Conflict, "duplicate_tang");
        var retry = scenario.Metadata(MetadataDocument.WgsTumorGermline);
        await (await scenario.SubmitGenomic(retry)).Read<SubmissionAnswer>(HttpStatusCode.Created);
        var passed = await scenario.GdcProcesses(retry["submission"]!["tanG"]!.GetValue<string>());

        Assert.Equal(CaseStatus.DataTransferred, passed.Status);
        Assert.Equal(2, passed.Submissions.Count);
    }

    [Fact]
    public async Task A_tan_is_never_reused_by_the_same_provider_even_in_another_case()
    {
        var first = await CaseScenario.Start(platform);
        var second = await CaseScenario.Start(platform);
        var metadata = first.Metadata(MetadataDocument.Panel);
        var tan = metadata["submission"]!["tanG"]!.GetValue<string>();
        await (await first.SubmitGenomic(metadata)).Read<SubmissionAnswer>(HttpStatusCode.Created);

        var detail = await (await second.SubmitGenomic(second.Metadata(MetadataDocument.Panel, tan: tan))).AssertProblem(HttpStatusCode.Conflict, "duplicate_tang");

        Assert.Contains(tan, detail, StringComparison.Ordinal);
        Assert.Empty((await second.Case()).Submissions);
    }

    [Fact]
    public async Task Revoking_the_mv_sequencing_consent_withdraws_the_case()
    {
        var scenario = await CaseScenario.Start(platform);
        await (await scenario.SubmitGenomic(scenario.Metadata(MetadataDocument.WgsTumorGermline))).Read<SubmissionAnswer>(HttpStatusCode.Created);
        var followup = scenario.Metadata(MetadataDocument.WgsTumorGermline, "followup");
        foreach (var scope in followup["donors"]![0]!["mvConsent"]!["scope"]!.AsArray())
        {
            if (scope!["domain"]!.GetValue<string>() == "mvSequencing")
            {
                scope["type"] = "deny";
            }
        }

        var answer = await (await scenario.SubmitGenomic(followup)).Read<SubmissionAnswer>(HttpStatusCode.Created);

        Assert.Equal(CaseStatus.Withdrawn, answer.Case.Status);
        Assert.Contains(answer.Case.History, h => h.What.Contains("consent (mvSequencing) revoked", StringComparison.Ordinal));
        Assert.False(answer.Case.Submissions[^1].Consent.MvSequencing);
    }

    [Fact]
    public async Task Metadata_that_breaks_rules_is_a_422_listing_every_rule_with_its_path()
    {
        var scenario = await CaseScenario.Start(platform);
        var metadata = scenario.Metadata(MetadataDocument.WgsTumorGermline);
        metadata["submission"]!["submitterId"] = "12345";
        metadata["donors"]![0]!["relation"] = "cousin";

        var response = await scenario.SubmitGenomic(metadata);

        await response.AssertProblem(HttpStatusCode.UnprocessableEntity, "metadata_invalid");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("rule").GetString(), e.GetProperty("path").GetString())).ToList();
        Assert.Contains(("submitter_id_format", "$.submission.submitterId"), errors);
        Assert.Contains(errors, e => e.Item2 == "$.donors[0].relation");
        Assert.Empty((await scenario.Case()).Submissions);
    }

    [Fact]
    public async Task A_submission_for_another_case_or_provider_is_refused()
    {
        var scenario = await CaseScenario.Start(platform);
        var metadata = scenario.Metadata(MetadataDocument.Panel);
        metadata["submission"]!["localCaseId"] = "SOMEONE-ELSES-CASE";

        await (await scenario.SubmitGenomic(metadata)).AssertProblem(HttpStatusCode.UnprocessableEntity, "local_case_mismatch");
        await (await scenario.Hospital.PostRaw("/api/v1/cases/NOT-REGISTERED/genomic-submissions", scenario.Metadata(MetadataDocument.Panel).ToJsonString()))
            .AssertProblem(HttpStatusCode.NotFound, "unknown_case");
    }

    [Fact]
    public async Task Providers_see_only_their_own_cases_and_nodes_only_their_own_inbox()
    {
        var scenario = await CaseScenario.Start(platform);
        var metadata = scenario.Metadata(MetadataDocument.Panel);
        var tan = metadata["submission"]!["tanG"]!.GetValue<string>();
        await (await scenario.SubmitGenomic(metadata)).Read<SubmissionAnswer>(HttpStatusCode.Created);

        var otherProvider = platform.Client(ParticipantRole.Provider, "100000001");
        await (await otherProvider.GetAsync($"/api/v1/cases/{scenario.LocalCaseId}")).AssertProblem(HttpStatusCode.NotFound, "unknown_case");
        var otherGdc = platform.Client(ParticipantRole.Gdc, "GRZDD0004");
        Assert.DoesNotContain(await (await otherGdc.GetAsync("/api/v1/inbox")).Read<List<SubmissionView>>(), e => e.Tan == tan);
        await (await otherGdc.PostRaw($"/api/v1/inbox/{tan}/receipt", "")).AssertProblem(HttpStatusCode.NotFound, "unknown_submission");
        var sameTanElsewhere = await CaseScenario.Start(platform, "100000001");
        await (await sameTanElsewhere.SubmitGenomic(sameTanElsewhere.Metadata(MetadataDocument.Panel, tan: tan)))
            .AssertProblem(HttpStatusCode.Conflict, "tan_in_use_at_node"); // the node could not tell the two apart
        await (await scenario.Hospital.PostRaw("/api/v1/reports", "{}")).AssertProblem(HttpStatusCode.Forbidden, "forbidden");

        var operatorView = await (await platform.Operator().GetAsync($"/api/v1/providers/{CaseScenario.Provider}/cases/{scenario.LocalCaseId}")).Read<CaseView>();
        Assert.Equal(scenario.LocalCaseId, operatorView.LocalCaseId);
    }

    [Fact]
    public async Task A_replayed_submission_returns_the_first_answer_and_stores_one_submission()
    {
        var scenario = await CaseScenario.Start(platform);
        var metadata = scenario.Metadata(MetadataDocument.Panel);
        var key = TestIds.Key();

        var first = await (await scenario.SubmitGenomic(metadata, key)).Read<SubmissionAnswer>(HttpStatusCode.Created);
        var replay = await (await scenario.SubmitGenomic(metadata, key)).Read<SubmissionAnswer>(HttpStatusCode.Created);

        Assert.Equal(first.Case, replay.Case);
        Assert.Single((await scenario.Case()).Submissions);
    }

    [Fact]
    public async Task A_check_report_that_contradicts_the_submission_is_a_422_and_changes_nothing()
    {
        var scenario = await CaseScenario.Start(platform);
        var metadata = scenario.Metadata(MetadataDocument.WgsTumorGermline);
        var tan = metadata["submission"]!["tanG"]!.GetValue<string>();
        var submitted = await (await scenario.SubmitGenomic(metadata)).Read<SubmissionAnswer>(HttpStatusCode.Created);
        var report = scenario.Report(submitted.Case.Submissions.Single(), passed: true);
        report["SubmittedCase"]!["libraryType"] = "panel";
        report["SubmittedCase"]!["diseaseType"] = "rare";

        var response = await scenario.GenomeCentre.PostRaw("/api/v1/reports", report.ToJsonString());

        await response.AssertProblem(HttpStatusCode.UnprocessableEntity, "report_mismatch");
        Assert.Null((await scenario.Case()).Submissions.Single(s => s.Tan == tan).Report);
    }

    [Fact]
    public async Task A_suspended_node_receives_no_data()
    {
        var nodes = new Api.NodeApiClient(platform.Operator());
        var gdc = await nodes.NodeIn(GenomDE.Orleans.Domain.Nodes.NodeStatus.Suspended);
        var scenario = await CaseScenario.Start(platform);
        var metadata = scenario.Metadata(MetadataDocument.Panel);
        metadata["submission"]!["genomicDataCenterId"] = gdc.NodeId;

        await (await scenario.SubmitGenomic(metadata)).AssertProblem(HttpStatusCode.Conflict, "node_not_approved");
    }

    [Fact]
    public async Task The_first_initial_of_a_month_is_picked_for_detailed_qc_and_its_metrics_are_judged()
    {
        // A provider of its own, so this test's submissions are the first of their month for it.
        var ik = TestIds.Ik();
        await platform.Operator().PutAsync($"/api/v1/providers/{ik}", new StringContent("{\"name\":\"Sampling LE\",\"indications\":[\"oncological\",\"rare\"],\"participationStart\":\"2024-01-01\"}", System.Text.Encoding.UTF8, "application/json"));
        var scenario = await CaseScenario.Start(platform, ik);
        var metadata = scenario.Metadata(MetadataDocument.WgsTumorGermline);
        var tan = metadata["submission"]!["tanG"]!.GetValue<string>();
        await (await scenario.SubmitGenomic(metadata)).Read<SubmissionAnswer>(HttpStatusCode.Created);
        await (await scenario.GenomeCentre.PostRaw($"/api/v1/inbox/{tan}/receipt", "")).Read<SubmissionView>();

        var qc = await (await scenario.GenomeCentre.PostRaw($"/api/v1/inbox/{tan}/basic-qc", "{\"passed\":true}")).Read<SubmissionView>();
        Assert.True(qc.DetailedQcSelected);

        var labDatum = metadata["donors"]![0]!["labData"]![0]!;
        var reported = labDatum["sequenceData"]!;
        var body = new JsonObject
        {
            ["donorPseudonym"] = metadata["donors"]![0]!["donorPseudonym"]!.GetValue<string>(),
            ["labDataName"] = labDatum["labDataName"]!.GetValue<string>(),
            ["qcWorkflowVersion"] = "1.1.0",
            ["recomputed"] = new JsonObject
            {
                ["percentBasesAboveQualityThreshold"] = reported["percentBasesAboveQualityThreshold"]!["percent"]!.GetValue<double>(),
                ["meanDepthOfCoverage"] = reported["meanDepthOfCoverage"]!.GetValue<double>() * 0.5, // far below what was reported
                ["targetedRegionsAboveMinCoverage"] = reported["targetedRegionsAboveMinCoverage"]!.GetValue<double>(),
            },
        };
        var judged = await (await scenario.GenomeCentre.PostRaw($"/api/v1/inbox/{tan}/detailed-qc", body.ToJsonString())).Read<SubmissionView>();

        var depth = judged.DetailedQc!.Metrics.Single(m => m.Metric == DetailedQcMetric.MeanDepthOfCoverage);
        Assert.Equal(DetailedQcStatus.TooLow, depth.Status);
        Assert.False(judged.DetailedQc.Passed);
        Assert.Equal("1.1.0", judged.DetailedQc.QcWorkflowVersion);
        await (await scenario.GenomeCentre.PostRaw($"/api/v1/inbox/{tan}/detailed-qc", body.ToJsonString())).AssertProblem(HttpStatusCode.Conflict, "not_selected_for_detailed_qc");
    }
}
