using System.Net;
using System.Text.Json;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.Domain.Tokens;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.GrainInterfaces.Tokens;
using GenomDE.Orleans.Tests.Fixtures;
using GenomDE.Orleans.Tests.Submissions;

namespace GenomDE.Orleans.Tests.Cases;

/// <summary>Meldebestätigungen from issuance to exactly-once reimbursement, through the REST API.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class TokenFlowTests(PlatformFixture platform)
{
    private const string Payer = "200000001";
    private const string OtherPayer = "200000002";
    private const string PrivatePayer = "200000003";

    [Fact]
    public async Task A_full_case_runs_from_registration_to_reimbursed()
    {
        var scenario = await CaseScenario.Start(platform);
        var (tanG, tanC) = await BothReportsIn(scenario);
        var confirmed = await scenario.Case();
        Assert.Equal(CaseStatus.Confirmed, confirmed.Status);

        var tokens = await (await scenario.Hospital.GetAsync(Http.RecentTokensPath)).Read<List<TokenView>>();
        var g = tokens.Single(t => t.Tan == tanG).Record.Token;
        var c = tokens.Single(t => t.Tan == tanC).Record.Token;
        Assert.Equal((DataCategory.Genomic, CaseScenario.Gdc, LibraryType.Wgs), (g.DataCategory, g.NodeId, g.Sequencing));
        Assert.Equal((DataCategory.Clinical, CaseScenario.Cdn), (c.DataCategory, c.NodeId));
        Assert.All(new[] { g, c }, t =>
        {
            Assert.Equal((CaseScenario.Provider, SubmissionType.Initial, Indication.Oncological, PayerCategory.Gkv, true), (t.ProviderIk, t.ReportType, t.Indication, t.Payer, t.QcPassed));
            Assert.Equal(ServiceDates.Of(DateTimeOffset.UtcNow), t.ServiceDate);
            Assert.StartsWith($"IBE+{t.Code}+{t.Code}&{t.ServiceDate:yyyyMMdd}", t.Delivered, StringComparison.Ordinal);
            Assert.Contains($"&{CaseScenario.Provider}&{t.NodeId}&0&O&9&1&", t.HashString, StringComparison.Ordinal);
        });

        var csv = await scenario.Hospital.GetAsync($"/api/v1/tokens/{g.Code}/csv");
        Assert.Equal($"Meldebestaetigung_{g.Code}.csv", csv.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal($"Vorgangsnummer,Meldebestaetigung\r\n{tanG.ToUpperInvariant()},{g.Delivered}\r\n", await csv.Content.ReadAsStringAsync());

        var payer = platform.Client(ParticipantRole.Payer, Payer);
        var check = await (await payer.PostJson("/api/v1/tokens/verify", new { token = g.Delivered })).Read<TokenCheck>();
        Assert.Equal((true, HashCheck.Matches, true, TokenStatus.Issued, true), (check.WellFormed, check.Hash, check.Issued, check.Status, check.Billable));

        var claimed = await payer.PostJson("/api/v1/claims", new { tokens = new[] { c.Delivered, g.Delivered } }, TestIds.Key());
        var paid = await claimed.Read<PayerClaimAnswer>();

        Assert.True(paid.Accepted);
        // What the payer was told names no hospital identifier: no TAN, case key or local case ID.
        var told = await (await payer.PostJson("/api/v1/tokens/verify", new { token = g.Delivered })).Content.ReadAsStringAsync() + await claimed.Content.ReadAsStringAsync();
        Assert.All(new[] { tanG, tanC, tanG.ToUpperInvariant(), tanC.ToUpperInvariant(), scenario.LocalCaseId, CaseKeys.Of(CaseScenario.Provider, scenario.LocalCaseId) },
            identifier => Assert.DoesNotContain(identifier, told, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(new[] { c.Code, g.Code }.Order(), paid.Redeemed.Order());
        Assert.All(paid.Tokens, t => Assert.Equal(TokenStatus.Redeemed, t.Status));
        Assert.Matches("^R-[0-9A-F]{16}-[0-9]+$", paid.ClaimId);
        var reimbursed = await scenario.Case();
        Assert.Equal(CaseStatus.Reimbursed, reimbursed.Status);
        Assert.Contains(reimbursed.History, h => h.What == $"reimbursed by payer {Payer}");

        var again = await payer.PostJson("/api/v1/claims", new { tokens = new[] { c.Delivered, g.Delivered } }, TestIds.Key());
        await again.AssertProblem(HttpStatusCode.Conflict, "case_already_reimbursed");
    }

    [Fact]
    public async Task No_token_for_failed_qc_or_a_report_that_is_not_initial_and_the_le_sees_why()
    {
        var scenario = await CaseScenario.Start(platform);
        var failedTan = await SubmitGenomic(scenario, MetadataDocument.Panel);
        var failed = await scenario.GdcProcesses(failedTan, passed: false);
        Assert.Equal("QC failed", failed.Submissions.Single(s => s.Tan == failedTan).Confirmation!.NotIssued!.Message);

        var initialTan = await SubmitGenomic(scenario, MetadataDocument.Panel);
        await scenario.GdcProcesses(initialTan);
        var followupTan = await SubmitGenomic(scenario, MetadataDocument.Panel, "followup");
        var after = await scenario.GdcProcesses(followupTan);

        var followup = after.Submissions.Single(s => s.Tan == followupTan).Confirmation!;
        Assert.Null(followup.Code);
        Assert.Equal(("no_initial_report", "no initial report"), (followup.NotIssued!.Code, followup.NotIssued.Message));
        Assert.NotNull(after.Submissions.Single(s => s.Tan == initialTan).Confirmation!.Code);
    }

    [Fact]
    public async Task Fifty_concurrent_reports_of_one_provider_on_one_day_get_counters_1_to_50()
    {
        var ik = await NewProvider();
        var scenarios = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => CaseScenario.Start(platform, ik)));
        var submitted = await Task.WhenAll(scenarios.Select(async s =>
        {
            var tan = await SubmitGenomic(s, MetadataDocument.Panel);
            await (await s.GenomeCentre.PostRaw($"/api/v1/inbox/{tan}/receipt", "")).Read<SubmissionView>();
            await (await s.GenomeCentre.PostRaw($"/api/v1/inbox/{tan}/basic-qc", "{\"passed\":true}")).Read<SubmissionView>();
            return (Scenario: s, Submission: (await s.Case()).Submissions.Single());
        }));

        await Task.WhenAll(submitted.Select(async x =>
            await (await x.Scenario.GenomeCentre.PostRaw("/api/v1/reports", x.Scenario.Report(x.Submission, true).ToJsonString())).Read<SubmissionView>()));

        var tokens = await (await scenarios[0].Hospital.GetAsync(Http.RecentTokensPath)).Read<List<TokenView>>();
        Assert.Equal(Enumerable.Range(1, 50), tokens.Select(t => t.Record.Token.Counter).Order());
        Assert.Single(tokens.Select(t => t.Record.Token.ServiceDate).Distinct());
        Assert.Equal(50, tokens.Select(t => t.Code).Distinct().Count());
    }

    [Fact]
    public async Task Verification_tells_tampered_and_unknown_tokens_apart()
    {
        var scenario = await CaseScenario.Start(platform);
        await BothReportsIn(scenario);
        var token = (await (await scenario.Hospital.GetAsync(Http.RecentTokensPath)).Read<List<TokenView>>())
            .First(t => t.Record.CaseKey == CaseKeys.Of(CaseScenario.Provider, scenario.LocalCaseId)).Record.Token;
        var payer = platform.Client(ParticipantRole.Payer, Payer);

        // One changed character: QC "passed" (…&1) turned into "failed" (…&0), the hash left as it was.
        var tampered = token.Delivered.Replace("&1+9+", "&0+9+", StringComparison.Ordinal);
        Assert.NotEqual(token.Delivered, tampered);
        var tamperedCheck = await (await payer.PostJson("/api/v1/tokens/verify", new { token = tampered })).Read<TokenCheck>();
        Assert.Equal((true, HashCheck.Mismatch, false), (tamperedCheck.WellFormed, tamperedCheck.Hash, tamperedCheck.Billable));

        var forged = MeldebestaetigungFormat.Format(token with { Code = ConfirmationCodes.New() });
        var unknown = await (await payer.PostJson("/api/v1/tokens/verify", new { token = forged })).Read<TokenCheck>();
        Assert.Equal((true, HashCheck.Matches, false, false), (unknown.WellFormed, unknown.Hash, unknown.Issued, unknown.Billable));

        var garbage = await (await payer.PostJson("/api/v1/tokens/verify", new { token = "IBE+abc" })).Read<TokenCheck>();
        Assert.False(garbage.WellFormed);
        Assert.NotEmpty(garbage.Problems);
    }

    [Fact]
    public async Task A_refused_claim_holds_no_token_and_only_a_registered_payer_of_the_tokens_class_claims()
    {
        var scenario = await CaseScenario.Start(platform);
        var (c, g) = await CaseTokens(scenario);
        Assert.Equal((PayerCategory.Gkv, PayerCategory.Gkv), (c.Payer, g.Payer));
        var payer = platform.Client(ParticipantRole.Payer, Payer);

        // C alone with sequencing WGS needs its G token; the refusal leaves the token as it was.
        var cAlone = await payer.PostJson("/api/v1/claims", new { tokens = new[] { c.Delivered } }, TestIds.Key());
        await cAlone.AssertProblem(HttpStatusCode.Conflict, "missing_genomic_token");
        Assert.Equal(TokenStatus.Issued, await StatusOf(c.Code));

        // A payer the operator never registered: nothing is decided, nothing is told.
        var stranger = platform.Client(ParticipantRole.Payer, TestIds.Ik());
        await (await stranger.PostJson("/api/v1/claims", new { tokens = new[] { c.Delivered, g.Delivered } }, TestIds.Key())).AssertProblem(HttpStatusCode.Forbidden, "payer_not_registered");
        await (await stranger.PostJson("/api/v1/tokens/verify", new { token = c.Delivered })).AssertProblem(HttpStatusCode.Forbidden, "payer_not_registered");

        // A private insurer presenting a statutory case's tokens: refused token by token, nothing held.
        var privateInsurer = platform.Client(ParticipantRole.Payer, PrivatePayer);
        var wrongClass = await privateInsurer.PostJson("/api/v1/claims", new { tokens = new[] { c.Delivered, g.Delivered } }, TestIds.Key());
        Assert.Equal(HttpStatusCode.Conflict, wrongClass.StatusCode);
        Assert.Equal(["payer_category_mismatch", "payer_category_mismatch"], await Rules(wrongClass));
        Assert.Equal((TokenStatus.Issued, TokenStatus.Issued), (await StatusOf(c.Code), await StatusOf(g.Code)));
        Assert.Equal(CaseStatus.Billed, (await scenario.Case()).Status);

        // The statutory insurer that holds the two tokens is paid, whoever tried before.
        var paid = await (await platform.Client(ParticipantRole.Payer, OtherPayer).PostJson("/api/v1/claims", new { tokens = new[] { c.Delivered, g.Delivered } }, TestIds.Key()))
            .Read<PayerClaimAnswer>();
        Assert.True(paid.Accepted);
        Assert.Equal(CaseStatus.Reimbursed, (await scenario.Case()).Status);
    }

    [Fact]
    public async Task The_operator_releases_a_token_an_earlier_presentation_holds_and_then_the_rightful_payer_is_paid()
    {
        var scenario = await CaseScenario.Start(platform);
        var (c, g) = await CaseTokens(scenario);
        var payer = platform.Client(ParticipantRole.Payer, Payer);

        // A presentation from before refusals stopped holding tokens (the grain call stands in for that history).
        await platform.Grains.GetGrain<ITokenGrain>(c.Code).Settle(TokenStatus.Presented, OtherPayer);
        var held = await payer.PostJson("/api/v1/claims", new { tokens = new[] { c.Delivered, g.Delivered } }, TestIds.Key());
        Assert.Contains("token_claimed_by_other_payer", await Rules(held));

        await (await platform.Client(ParticipantRole.Provider, CaseScenario.Provider).PostJson($"/api/v1/tokens/{c.Code}/release", new { reason = "x" }, TestIds.Key()))
            .AssertProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await platform.Operator().PostJson($"/api/v1/tokens/{c.Code}/release", new { reason = " " }, TestIds.Key())).AssertProblem(HttpStatusCode.BadRequest, "reason_required");
        var key = TestIds.Key();
        var released = await platform.Operator().PostJson($"/api/v1/tokens/{c.Code}/release", new { reason = "presented by the wrong insurer (ticket 4711)" }, key);
        var releasedText = await released.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Equal(TokenStatus.Issued, await StatusOf(c.Code));
        Assert.Equal(releasedText, await (await platform.Operator().PostJson($"/api/v1/tokens/{c.Code}/release", new { reason = "presented by the wrong insurer (ticket 4711)" }, key)).Content.ReadAsStringAsync());
        await (await platform.Operator().PostJson($"/api/v1/tokens/{c.Code}/release", new { reason = "again" }, TestIds.Key())).AssertProblem(HttpStatusCode.Conflict, "token_not_held");

        var paid = await (await payer.PostJson("/api/v1/claims", new { tokens = new[] { c.Delivered, g.Delivered } }, TestIds.Key())).Read<PayerClaimAnswer>();
        Assert.True(paid.Accepted);
    }

    [Fact]
    public async Task A_claim_with_a_revoked_token_is_refused()
    {
        var scenario = await CaseScenario.Start(platform);
        var (c, g) = await CaseTokens(scenario);
        var payer = platform.Client(ParticipantRole.Payer, Payer);

        await (await platform.Operator().PostJson($"/api/v1/tokens/{g.Code}/revoke", new { reason = "report sent in error" })).Read<TokenView>();
        var revoked = await payer.PostJson("/api/v1/claims", new { tokens = new[] { c.Delivered, g.Delivered } }, TestIds.Key());
        Assert.Contains("token_revoked", await Rules(revoked));
        Assert.NotEqual(CaseStatus.Reimbursed, (await scenario.Case()).Status);
    }

    private static async Task<(Meldebestaetigung C, Meldebestaetigung G)> CaseTokens(CaseScenario scenario)
    {
        await BothReportsIn(scenario);
        var tokens = (await (await scenario.Hospital.GetAsync(Http.RecentTokensPath)).Read<List<TokenView>>())
            .Where(t => t.Record.CaseKey == CaseKeys.Of(CaseScenario.Provider, scenario.LocalCaseId)).ToList();
        return (tokens.Single(t => t.Record.Token.DataCategory == DataCategory.Clinical).Record.Token,
            tokens.Single(t => t.Record.Token.DataCategory == DataCategory.Genomic).Record.Token);
    }

    private async Task<TokenStatus?> StatusOf(string code) => (await platform.Grains.GetGrain<ITokenGrain>(code).Get())?.Record.Status;

    private static async Task<List<string?>> Rules(HttpResponseMessage refused)
    {
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        return [.. problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("rule").GetString())];
    }

    [Fact]
    public async Task A_hundred_concurrent_identical_and_a_hundred_conflicting_claims_reimburse_once()
    {
        var identical = await CaseScenario.Start(platform);
        var identicalTokens = await ConfirmedTokens(identical);
        var key = TestIds.Key();
        var payer = platform.Client(ParticipantRole.Payer, Payer);
        var sameAnswers = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => payer.PostJson("/api/v1/claims", new { tokens = identicalTokens }, key)));
        Assert.All(sameAnswers, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode)); // those that met the first in flight (409) retried
        Assert.Single((await Task.WhenAll(sameAnswers.Select(r => r.Content.ReadAsStringAsync()))).Distinct());
        Assert.Single((await identical.Case()).History, h => h.What.StartsWith("reimbursed", StringComparison.Ordinal));

        var conflicting = await CaseScenario.Start(platform);
        var conflictingTokens = await ConfirmedTokens(conflicting);
        var payers = new[] { platform.Client(ParticipantRole.Payer, Payer), platform.Client(ParticipantRole.Payer, OtherPayer) };
        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => payers[i % 2].PostJson("/api/v1/claims", new { tokens = conflictingTokens }, TestIds.Key())));

        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Single((await conflicting.Case()).History, h => h.What.StartsWith("reimbursed", StringComparison.Ordinal));
    }

    private static async Task<string[]> ConfirmedTokens(CaseScenario scenario)
    {
        var (tanG, tanC) = await BothReportsIn(scenario);
        var tokens = await (await scenario.Hospital.GetAsync(Http.RecentTokensPath)).Read<List<TokenView>>();
        return [.. tokens.Where(t => t.Tan == tanG || t.Tan == tanC).Select(t => t.Record.Token.Delivered)];
    }

    private static async Task<(string TanG, string TanC)> BothReportsIn(CaseScenario scenario)
    {
        var tanG = await SubmitGenomic(scenario, MetadataDocument.WgsTumorGermline);
        var clinical = scenario.ClinicalMetaData();
        await (await scenario.SubmitClinical(clinical)).Read<SubmissionAnswer>(HttpStatusCode.Created);
        var tanC = clinical["tanC"]!.GetValue<string>();
        await scenario.GdcProcesses(tanG);
        await scenario.CdnProcesses(tanC);
        return (tanG, tanC);
    }

    private static async Task<string> SubmitGenomic(CaseScenario scenario, string file, string type = "initial")
    {
        var metadata = scenario.Metadata(file, type);
        await (await scenario.SubmitGenomic(metadata)).Read<SubmissionAnswer>(HttpStatusCode.Created);
        return metadata["submission"]!["tanG"]!.GetValue<string>();
    }

    private async Task<string> NewProvider()
    {
        var ik = TestIds.Ik();
        var response = await platform.Operator().PutAsync($"/api/v1/providers/{ik}",
            new StringContent("{\"name\":\"Counter LE\",\"indications\":[\"oncological\",\"rare\"],\"participationStart\":\"2024-01-01\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ik;
    }
}
