using System.Net;
using System.Text.Json;
using GenomDE.Client;
using GenomDE.Client.Generated.Models;
using GenomDE.Orleans.Tests.Fixtures;

namespace GenomDE.Orleans.Tests.Client;

/// <summary>A whole case, registration to reimbursement, through GenomDE.Client only: the hospital,
/// the GDC, the KDK and the payer each with their own client credentials.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class ClientCaseTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_case_runs_from_registration_to_reimbursement_through_the_typed_client()
    {
        await ClientWorld.ApproveExampleNodes(platform);
        using var hospital = ClientWorld.For(platform, ClientWorld.ProviderClient);
        using var gdc = ClientWorld.For(platform, ClientWorld.GdcClient);
        using var cdn = ClientWorld.For(platform, ClientWorld.CdnClient);
        using var payer = ClientWorld.For(platform, ClientWorld.PayerClient);
        var localCaseId = ClientWorld.NewCaseId();

        var registered = await hospital.SendAsync(hospital.V1.Cases.ToPostRequestInformation(new RegisterCaseRequest { LocalCaseId = localCaseId }));
        Assert.Equal("registered", registered!.Value.GetProperty("status").GetString());

        var (genomic, tanG) = ClientWorld.Genomic(localCaseId);
        var (clinical, tanC) = ClientWorld.Clinical(localCaseId);
        await hospital.PostJsonAsync($"/api/v1/cases/{localCaseId}/genomic-submissions", genomic);
        await hospital.PostJsonAsync($"/api/v1/cases/{localCaseId}/clinical-submissions", clinical);

        foreach (var (node, tan) in new[] { (gdc, tanG), (cdn, tanC) })
        {
            var inbox = await node.V1.Inbox.GetAsync();
            Assert.Contains(inbox!, s => s.Tan == tan);
            await node.SendAsync(node.V1.Inbox[tan].Receipt.ToPostRequestInformation());
            var checkedIn = await node.SendAsync(node.V1.Inbox[tan].BasicQc.ToPostRequestInformation(new BasicQcRequest { Passed = true }));
            Assert.Equal(tan, checkedIn!.Value.GetProperty("tan").GetString());
            var caseJson = (await hospital.SendAsync(hospital.V1.Cases[localCaseId].ToGetRequestInformation()))!.Value.GetRawText();
            var reported = JsonDocument.Parse(await node.PostJsonAsync("/api/v1/reports", ClientWorld.Report(caseJson, tan))).RootElement;
            Assert.False(string.IsNullOrEmpty(reported.GetProperty("confirmation").GetProperty("code").GetString()), reported.GetRawText());
        }

        var tokens = await hospital.V1.Tokens.GetAsync(c =>
        {
            c.QueryParameters.From = ClientWorld.RecentFrom;
            c.QueryParameters.To = ClientWorld.RecentTo;
        });
        var ours = tokens!.Where(t => t.Tan == tanG || t.Tan == tanC).ToList();
        Assert.Equal(2, ours.Count);
        var delivered = ours.Select(t => t.Record!.Token!.Delivered!).ToList();
        Assert.All(delivered, d => Assert.StartsWith("IBE+", d, StringComparison.Ordinal));

        var qr = await hospital.SendForBytesAsync(hospital.V1.Tokens[ours[0].Code!].QrPng.ToGetRequestInformation());
        Assert.Equal(ClientApi.Apis.TokenQrCode.Png(delivered[0]), qr);

        foreach (var token in delivered)
        {
            var check = await payer.V1.Tokens.Verify.PostAsync(new VerifyTokenRequest { Token = token });
            Assert.True(check!.WellFormed == true && check.Issued == true && check.Billable == true, $"{check.Code}: {check.Status}");
        }

        var paid = await payer.V1.Claims.PostAsync(new ClaimRequest { Tokens = delivered });
        Assert.True(paid!.Accepted);
        Assert.Equal(ours.Select(t => t.Code).Order(), paid.Redeemed!.Order());
        var done = (await hospital.SendAsync(hospital.V1.Cases[localCaseId].ToGetRequestInformation()))!.Value;
        Assert.Equal("reimbursed", done.GetProperty("status").GetString());

        // A second claim is refused, and the refusal arrives as a typed problem.
        var again = await Assert.ThrowsAsync<GenomDeProblemException>(() => payer.V1.Claims.PostAsync(new ClaimRequest { Tokens = delivered }));
        Assert.Equal((HttpStatusCode.Conflict, "case_already_reimbursed"), (again.Status, again.Code));
        Assert.False(string.IsNullOrEmpty(again.Title));
        Assert.False(string.IsNullOrEmpty(again.Detail));
    }

    [Fact]
    public async Task A_refused_document_arrives_as_a_problem_with_every_finding()
    {
        await ClientWorld.ApproveExampleNodes(platform);
        using var hospital = ClientWorld.For(platform, ClientWorld.ProviderClient);
        var localCaseId = ClientWorld.NewCaseId();
        await hospital.SendAsync(hospital.V1.Cases.ToPostRequestInformation(new RegisterCaseRequest { LocalCaseId = localCaseId }));
        var (clinical, _) = ClientWorld.Clinical(localCaseId);
        var broken = System.Text.Json.Nodes.JsonNode.Parse(clinical)!;
        broken["birthDate"] = "1850-01";

        var refused = await Assert.ThrowsAsync<GenomDeProblemException>(() =>
            hospital.PostJsonAsync($"/api/v1/cases/{localCaseId}/clinical-submissions", broken.ToJsonString()));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "metadata_invalid"), (refused.Status, refused.Code));
        Assert.Contains(refused.Errors, e => e.Rule == "age_out_of_range" && e.Path.StartsWith('$'));
    }

    [Fact]
    public async Task Wrong_credentials_are_a_problem_naming_the_refusal()
    {
        var good = ClientWorld.Options(platform, ClientWorld.ProviderClient);
        using var client = new GenomDeClient(new GenomDeClientOptions { BaseUrl = good.BaseUrl, ClientId = good.ClientId, ClientSecret = "wrong" });

        var refused = await Assert.ThrowsAsync<GenomDeProblemException>(() => client.V1.Nodes.GetAsync());

        Assert.True(refused.Status is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, refused.Message);
        Assert.Contains("invalid_client", refused.Detail, StringComparison.Ordinal);
    }
}
