using System.Net;
using System.Text.Json;
using GenomDE.Client.Generated.Models;
using GenomDE.Orleans.Tests.Fixtures;

namespace GenomDE.Orleans.Tests.Client;

/// <summary>Every POST of a whole case meets a 503 before the API and a lost answer after it: the
/// client retries with the same Idempotency-Key, and the API acts exactly once.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class ClientRetryTests(PlatformFixture platform)
{
    [Fact]
    public async Task Retries_after_503_and_lost_answers_keep_the_key_and_have_exactly_one_effect()
    {
        await ClientWorld.ApproveExampleNodes(platform);
        var network = new FlakyTransport();
        using var hospital = ClientWorld.For(platform, ClientWorld.ProviderClient, network);
        using var gdc = ClientWorld.For(platform, ClientWorld.GdcClient, network);
        using var cdn = ClientWorld.For(platform, ClientWorld.CdnClient, network);
        using var payer = ClientWorld.For(platform, ClientWorld.PayerClient, network);
        var localCaseId = ClientWorld.NewCaseId();

        // Had the retry been executed again, these would be 409 case_exists, duplicate_tang, report_exists, case_already_reimbursed.
        var registered = await hospital.SendAsync(hospital.V1.Cases.ToPostRequestInformation(new RegisterCaseRequest { LocalCaseId = localCaseId }));
        Assert.Equal("registered", registered!.Value.GetProperty("status").GetString());
        var (genomic, tanG) = ClientWorld.Genomic(localCaseId, Submissions.MetadataDocument.Panel);
        var (clinical, tanC) = ClientWorld.Clinical(localCaseId);
        var submitted = JsonDocument.Parse(await hospital.PostJsonAsync($"/api/v1/cases/{localCaseId}/genomic-submissions", genomic)).RootElement;
        Assert.Equal(tanG, submitted.GetProperty("tan").GetString());
        await hospital.PostJsonAsync($"/api/v1/cases/{localCaseId}/clinical-submissions", clinical);

        var codes = new List<string>();
        foreach (var (node, tan) in new[] { (gdc, tanG), (cdn, tanC) })
        {
            await node.SendAsync(node.V1.Inbox[tan].Receipt.ToPostRequestInformation());
            await node.SendAsync(node.V1.Inbox[tan].BasicQc.ToPostRequestInformation(new BasicQcRequest { Passed = true }));
            var caseJson = (await hospital.SendAsync(hospital.V1.Cases[localCaseId].ToGetRequestInformation()))!.Value.GetRawText();
            var reported = JsonDocument.Parse(await node.PostJsonAsync("/api/v1/reports", ClientWorld.Report(caseJson, tan))).RootElement;
            codes.Add(reported.GetProperty("confirmation").GetProperty("code").GetString()!);
        }

        var tokens = await hospital.V1.Tokens.GetAsync(c =>
        {
            c.QueryParameters.From = ClientWorld.RecentFrom;
            c.QueryParameters.To = ClientWorld.RecentTo;
        });

        // One token per submission, though each report was sent three times.
        var ours = tokens!.Where(t => t.Tan == tanG || t.Tan == tanC).ToList();
        Assert.Equal(codes.Order(), ours.Select(t => t.Code!).Order());
        var paid = await payer.V1.Claims.PostAsync(new ClaimRequest { Tokens = [.. ours.Select(t => t.Record!.Token!.Delivered!)] });
        Assert.True(paid!.Accepted);

        var done = (await hospital.SendAsync(hospital.V1.Cases[localCaseId].ToGetRequestInformation()))!.Value;
        Assert.Equal("reimbursed", done.GetProperty("status").GetString());
        var history = done.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("what").GetString()!).ToList();
        Assert.Single(history, h => h == "registered");
        Assert.Single(history, h => h.StartsWith("reimbursed", StringComparison.Ordinal));
        Assert.Equal(2, done.GetProperty("submissions").GetArrayLength());

        // Every POST to the API went out three times under one key (the API saw the last two), no GET
        // got a key (nor did the token requests, which are not the API's).
        var posts = network.Seen.Where(s => s.Method == HttpMethod.Post && s.Key is not null).GroupBy(s => s.Key).ToList();
        Assert.Equal(10, posts.Count); // register, two submissions, receipt, basic QC and report on each, claim
        Assert.All(posts, p => Assert.Equal(
            ["503 before forwarding", $"{p.Last().Outcome[..3]} lost, 503 instead", $"{p.Last().Outcome[..3]} delivered"],
            p.Select(s => s.Outcome)));
        Assert.All(posts, p => Assert.True(p.Last().Outcome[0] == '2', $"{p.First().Path}: {p.Last().Outcome}"));
        Assert.All(network.Seen.Where(s => s.Method == HttpMethod.Get), s => Assert.Null(s.Key));
    }

    [Fact]
    public async Task Retries_stop_at_the_first_real_answer_and_a_refusal_is_a_problem()
    {
        var network = new FlakyTransport();
        using var hospital = ClientWorld.For(platform, ClientWorld.ProviderClient, network);

        var refused = await Assert.ThrowsAsync<GenomDE.Client.GenomDeProblemException>(() =>
            hospital.SendAsync(hospital.V1.Cases.ToPostRequestInformation(new RegisterCaseRequest { LocalCaseId = "" })));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["503 before forwarding", "400 lost, 503 instead", "400 delivered"], network.Seen.Where(s => s.Method == HttpMethod.Post && s.Key is not null).Select(s => s.Outcome));
    }
}
