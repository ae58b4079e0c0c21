using System.Net;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Reporting;
using GenomDE.Orleans.Domain.Tokens;
using GenomDE.Orleans.GrainInterfaces.Reporting;
using GenomDE.Orleans.Tests.Fixtures;
using GenomDE.Orleans.Tests.Submissions;

namespace GenomDE.Orleans.Tests.Reporting;

/// <summary>Quarterly report and statistics through the REST API after whole cases ran on the
/// two-silo cluster. Reporting is a consumer of the event log, and every report read first lets it
/// apply what the log holds, so the figures are exact as soon as the commands answered: no waiting.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class ReportingApiTests(PlatformFixture platform)
{
    private const string Ok = "{\"passed\":true}";
    private const string Failed = "{\"passed\":false,\"failureReason\":\"validation_error\"}";

    [Fact]
    public async Task A_quarter_of_cases_gives_exact_report_tables_and_statistics()
    {
        var before = await Statistics();
        var s = await ReportingScenario.Start(platform);

        // A: single WGS initial, picked for detailed QC (first of July), depth recomputed at half: failed; then the index revokes MV consent.
        var (a, aInitial, aTan) = await s.Genomic(MetadataDocument.WgsTumorGermline, "2025-07-01");
        await ReportingScenario.Submit(a, aInitial);
        Assert.True((await s.Receive(aTan, Ok)).DetailedQcSelected);
        Assert.False((await s.DetailedQc(aTan, aInitial, donor: 0, labDatum: 0, depthFactor: 0.5)).DetailedQc!.Passed);
        await s.Report(a, aTan, passed: true);
        var (_, aFollowup, _) = await s.Genomic(MetadataDocument.WgsTumorGermline, "2025-07-02", "followup", a);
        ReportingScenario.DenySequencing(aFollowup, donor: 0);
        await ReportingScenario.Submit(a, aFollowup);

        // B: trio initial passed; a follow-up in which the mother revokes MV consent.
        var (b, bInitial, bTan) = await s.Genomic(MetadataDocument.Trio, "2025-08-15");
        await ReportingScenario.Submit(b, bInitial);
        await s.Receive(bTan, Ok);
        await s.Report(b, bTan, passed: true);
        var (_, bFollowup, _) = await s.Genomic(MetadataDocument.Trio, "2025-08-20", "followup", b);
        ReportingScenario.DenySequencing(bFollowup, donor: 1);
        await ReportingScenario.Submit(b, bFollowup);

        // C: panel initial failing basic QC; D: an end-to-end test that passes; E: next quarter, sent twice with one key.
        var (c, cInitial, cTan) = await s.Genomic(MetadataDocument.Panel, "2025-09-15");
        await ReportingScenario.Submit(c, cInitial);
        await s.Receive(cTan, Failed);
        await s.Report(c, cTan, passed: false);
        var (d, dTest, dTan) = await s.Genomic(MetadataDocument.Panel, "2025-09-30", "test");
        await ReportingScenario.Submit(d, dTest);
        await s.Receive(dTan, Ok);
        await s.Report(d, dTan, passed: true);
        var (e, eInitial, _) = await s.Genomic(MetadataDocument.Panel, "2025-10-01");
        var key = TestIds.Key();
        await ReportingScenario.Submit(e, eInitial, key);
        await ReportingScenario.Submit(e, eInitial, key);

        // As grzctl counts, a submission belongs to the quarter of the day its data reached the node
        // (German time): A, B, C and D were received today; the follow-ups and E never were, so their
        // metadata's submission date places them.
        var today = ReportQuarter.Of(ServiceDates.Of(DateTimeOffset.UtcNow));
        var now = $"{today.Year}/Q{today.Quarter}";
        var q3 = $"{s.Gdc}\t3\t2025\t{s.Provider}";
        var current = $"{s.Gdc}\t{today.Quarter}\t{today.Year}\t{s.Provider}";
        Assert.StartsWith(
            "genomicDataCenterId\tquarter\tyear\tsubmitterId\tnumber_of_end-to-end_tests\tnumber_of_passed_end-to-end_tests\tnumber_of_submissions_total\t"
            + "number_of_submissions_single\tnumber_of_submissions_duo\tnumber_of_submissions_trio\tnumber_of_failed_qcs\tnumber_of_mv_consent_revocations_index\t"
            + "number_of_research_consent_revocations_index\tnumber_of_mv_consent_revocations_not_index\tnumber_of_research_consent_revocations_not_index\tnumber_of_deletions\n",
            await Tsv(s.GenomeCentre, "2025/Q3/overview"), StringComparison.Ordinal);
        Assert.Equal([$"{q3}\t0\t0\t2\t1\t0\t1\t0\t1\t0\t1\t0\t0"], Ours(await Tsv(s.GenomeCentre, "2025/Q3/overview"), s.Provider));

        // Tests count in the totals and study types; only A's failed detailed QC is a failed QC (C failed basic QC).
        Assert.Equal([$"{current}\t1\t1\t4\t3\t0\t1\t1\t0\t0\t0\t0\t0"], Ours(await Tsv(s.GenomeCentre, $"{now}/overview"), s.Provider));
        Assert.Equal(
            [
                $"{q3}\tfollowup\tGKV\toncological\tdna\twgs\tNA\tno\tyes\tNA\tnot_performed\tsingle\ttumor+germline\tindex\tgermline;somatic",
                $"{q3}\tfollowup\tGKV\trare\tdna\twgs\tNA\tyes\tyes\tNA\tnot_performed\ttrio\tgermline-only\tindex\tgermline",
            ],
            Ours(await Tsv(s.GenomeCentre, "2025/Q3/submissions"), s.Provider));
        Assert.Equal(
            new[]
            {
                $"{current}\tinitial\tGKV\toncological\tdna\twgs\tyes\tyes\tyes\tNA\tno\tsingle\ttumor+germline\tindex\tgermline;somatic",
                $"{current}\tinitial\tGKV\trare\tdna\twgs\tyes\tyes\tyes\tNA\tnot_performed\ttrio\tgermline-only\tindex\tgermline",
                $"{current}\tinitial\tGKV\toncological\tdna\tpanel\tno\tyes\tyes\tNA\tnot_performed\tsingle\ttumor-only\tindex\tsomatic",
                $"{current}\ttest\tGKV\toncological\tdna\tpanel\tyes\tyes\tyes\tNA\tnot_performed\tsingle\ttumor-only\tindex\tsomatic",
            }.Order(StringComparer.Ordinal),
            Ours(await Tsv(s.GenomeCentre, $"{now}/submissions"), s.Provider).Order(StringComparer.Ordinal)); // same day: ordered by TAN
        Assert.Equal(
            [$"{current}\t2025-07-01\tinitial\toncological\tsingle\ttumor+germline\tindex\tdna\tgermline\twgs\t30\t88\tyes\t0\t40\tno\t-50\t20\t0.9\tyes\t0\t1.1.0"],
            Ours(await Tsv(s.GenomeCentre, $"{now}/detailed-qc"), s.Provider));
        Assert.Empty(Ours(await Tsv(s.GenomeCentre, "2025/Q3/detailed-qc"), s.Provider));
        Assert.Equal([$"{s.Gdc}\t4\t2025\t{s.Provider}\t0\t0\t1\t1\t0\t0\t0\t0\t0\t0\t0\t0"], Ours(await Tsv(s.GenomeCentre, "2025/Q4/overview"), s.Provider));

        var after = await Statistics();
        var gdc = Assert.Single(after.Nodes, n => n.NodeId == s.Gdc);
        Assert.Equal((6L, 1L, 2L, 0L, 1L), (gdc.Submissions, gdc.TestSubmissions, gdc.TokensIssued, gdc.DetailedQcPassed, gdc.DetailedQcFailed));
        Assert.Equal(new Dictionary<string, long> { ["genomic"] = 6 }, gdc.ByCategory);
        Assert.Equal(new Dictionary<string, long> { ["followup"] = 2, ["initial"] = 4, ["test"] = 1 }, gdc.ByType);
        Assert.Equal(new Dictionary<string, long> { ["reported_qc_failed"] = 1, ["reported_qc_passed"] = 2, ["submitted"] = 3 }, gdc.ByOutcome);
        Assert.Equal(before.Cases + 5, after.Cases);
        Assert.Equal(before.TokensIssued + 2, after.TokensIssued);
        var moved = after.CasesByStatus.ToDictionary(p => p.Key, p => p.Value - before.CasesByStatus[p.Key]);
        Assert.Equal(new Dictionary<string, long>
        {
            ["registered"] = 0,
            ["data_transferred"] = 3,
            ["qc_passed"] = 0,
            ["qc_failed"] = 1,
            ["withdrawn"] = 1,
            ["confirmed"] = 0,
            ["billed"] = 0,
            ["reimbursed"] = 0,
        }, moved);
    }

    [Fact]
    public async Task A_reimbursed_claim_counts_the_case_as_reimbursed_once()
    {
        var before = await Statistics();
        var scenario = await Cases.CaseScenario.Start(platform);
        var genomic = scenario.Metadata(MetadataDocument.WgsTumorGermline);
        await ReportingScenario.Submit(scenario, genomic);
        var clinical = scenario.ClinicalMetaData();
        await (await scenario.SubmitClinical(clinical)).Read<GrainInterfaces.Cases.SubmissionAnswer>(HttpStatusCode.Created);
        await scenario.GdcProcesses(genomic["submission"]!["tanG"]!.GetValue<string>());
        await scenario.CdnProcesses(clinical["tanC"]!.GetValue<string>());
        var confirmed = await Statistics();
        var tokens = await (await scenario.Hospital.GetAsync(Http.RecentTokensPath)).Read<List<GenomDE.Orleans.Domain.Tokens.TokenView>>();
        var tans = (await scenario.Case()).Submissions.Select(s => s.Tan).ToList();
        var delivered = tokens.Where(t => tans.Contains(t.Tan)).Select(t => t.Record.Token.Delivered).ToArray();
        Assert.Equal(2, delivered.Length);

        var payer = platform.Client(ParticipantRole.Payer, "200000001");
        var key = TestIds.Key();
        Assert.True((await payer.PostJson("/api/v1/claims", new { tokens = delivered }, key)).IsSuccessStatusCode);
        Assert.True((await payer.PostJson("/api/v1/claims", new { tokens = delivered }, key)).IsSuccessStatusCode); // a replay
        var after = await Statistics();

        Assert.Equal((before.Cases + 1, before.TokensIssued + 2, before.CasesByStatus["confirmed"] + 1), (confirmed.Cases, confirmed.TokensIssued, confirmed.CasesByStatus["confirmed"]));
        Assert.Equal((before.ClaimsReimbursed + 1, before.CasesByStatus["confirmed"], before.Cases + 1), (after.ClaimsReimbursed, after.CasesByStatus["confirmed"], after.Cases));
    }

    [Fact]
    public async Task A_node_reads_only_its_own_report_and_the_operator_names_the_node()
    {
        var s = await ReportingScenario.Start(platform);
        var (scenario, metadata, _) = await s.Genomic(MetadataDocument.Panel, "2025-05-05");
        await ReportingScenario.Submit(scenario, metadata);
        var own = await Tsv(s.GenomeCentre, "2025/Q2/submissions");
        Assert.Equal(2, own.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        Assert.Equal(own, await Tsv(platform.Operator(), $"2025/Q2/2?node={s.Gdc}"));
        var otherGdc = platform.Client(ParticipantRole.Gdc, Cases.CaseScenario.Gdc);
        await (await otherGdc.GetAsync($"/api/v1/reports/quarterly/2025/Q2/submissions?node={s.Gdc}")).AssertProblem(HttpStatusCode.Forbidden, "forbidden");
        Assert.DoesNotContain(s.Provider, await Tsv(otherGdc, "2025/Q2/submissions"), StringComparison.Ordinal);
        await (await scenario.Hospital.GetAsync("/api/v1/reports/quarterly/2025/Q2/overview")).AssertProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await platform.Operator().GetAsync("/api/v1/reports/quarterly/2025/Q2/overview")).AssertProblem(HttpStatusCode.BadRequest, "node_required");
        await (await s.GenomeCentre.GetAsync("/api/v1/statistics")).AssertProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [InlineData("2025/Q5/overview", HttpStatusCode.BadRequest, "invalid_quarter")]
    [InlineData("2025/Q0/overview", HttpStatusCode.BadRequest, "invalid_quarter")]
    [InlineData("2025/2/overview", HttpStatusCode.BadRequest, "invalid_quarter")]
    [InlineData("20x5/Q1/overview", HttpStatusCode.BadRequest, "invalid_quarter")]
    [InlineData("1999/Q1/overview", HttpStatusCode.BadRequest, "invalid_quarter")]
    [InlineData("2025/Q1/summary", HttpStatusCode.NotFound, "unknown_table")]
    [InlineData("2025/Q1/4", HttpStatusCode.NotFound, "unknown_table")]
    public async Task A_bad_quarter_or_table_is_a_problem(string path, HttpStatusCode status, string code)
    {
        var gdc = platform.Client(ParticipantRole.Gdc, Cases.CaseScenario.Gdc);

        await (await gdc.GetAsync($"/api/v1/reports/quarterly/{path}")).AssertProblem(status, code);
    }

    /// <summary>The lines of <paramref name="tsv"/> about one LE (other tests share the node).</summary>
    private static List<string> Ours(string tsv, string provider) =>
        [.. tsv.Split('\n').Skip(1).Where(l => l.Split('\t') is { Length: > 3 } cells && cells[3] == provider)];

    private async Task<PlatformStatistics> Statistics() =>
        await (await platform.Operator().GetAsync("/api/v1/statistics")).Read<PlatformStatistics>();

    private static async Task<string> Tsv(HttpClient client, string path)
    {
        var response = await client.GetAsync($"/api/v1/reports/quarterly/{path}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("text/tab-separated-values", response.Content.Headers.ContentType?.MediaType);
        return text;
    }
}
