using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.Tests.Cases;
using GenomDE.Orleans.Tests.Fixtures;
using GenomDE.Orleans.Tests.Submissions;

namespace GenomDE.Orleans.Tests.Reports;

/// <summary>A genome data centre's grzctl submits Prüfberichte to the platform unchanged: the exchange
/// of <c>grzctl pruefbericht submit</c>, request for request — a client-credentials token from
/// <c>pruefbericht.auth_url</c>, <c>POST {pruefbericht.api_base_url}/upload</c> with a lower-case
/// "bearer", no idempotency key; on 401 one new token and one retry.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class GrzctlUploadTests(PlatformFixture platform)
{
    [Fact]
    public async Task Grzctl_submits_a_pruefbericht_with_an_expired_token_then_a_fresh_one_and_the_case_shows_the_report()
    {
        var scenario = await CaseScenario.Start(platform);
        var metadata = scenario.Metadata(MetadataDocument.WgsTumorGermline);
        await (await scenario.SubmitGenomic(metadata)).Read<SubmissionAnswer>(HttpStatusCode.Created);
        var tan = metadata["submission"]!["tanG"]!.GetValue<string>();
        await (await scenario.GenomeCentre.PostRaw($"/api/v1/inbox/{tan}/receipt", "")).Read<SubmissionView>();
        await (await scenario.GenomeCentre.PostRaw($"/api/v1/inbox/{tan}/basic-qc", "{\"passed\":true}")).Read<SubmissionView>();
        var pruefbericht = CaseScenario.Report((await scenario.Case()).Submissions.Single(s => s.Tan == tan), passed: true, CaseScenario.Provider).ToJsonString();

        // grzctl's configuration for this platform.
        var authUrl = new Uri(platform.BaseAddress, "/connect/token");
        var apiBaseUrl = new Uri(platform.BaseAddress, "/pruefbericht/");
        var clientId = $"gdc.{CaseScenario.Gdc}";
        var clientSecret = platform.Issuer.SecretFor(clientId);
        using var http = new HttpClient();

        // A token kept from yesterday (grzctl --token): expired, so the upload answers 401 ...
        var expired = TestTokens.Issue(platform.Issuer, new Caller(ParticipantRole.Gdc, CaseScenario.Gdc), d =>
        {
            d.IssuedAt = d.NotBefore = DateTime.UtcNow.AddDays(-1);
            d.Expires = DateTime.UtcNow.AddDays(-1).AddMinutes(5);
        });
        using (var first = await Upload(http, apiBaseUrl, expired, pruefbericht))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        }

        // ... and grzctl fetches a new one the way _get_new_token does, then retries once.
        using var tokenResponse = await http.PostAsync(authUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        }));
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        using var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync());
        Assert.True(token.RootElement.GetProperty("expires_in").GetInt32() > 1, "grzctl subtracts a second from expires_in");
        using var retry = await Upload(http, apiBaseUrl, token.RootElement.GetProperty("access_token").GetString()!, pruefbericht);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);

        var reported = (await scenario.Case()).Submissions.Single(s => s.Tan == tan);
        Assert.Equal(SubmissionStatus.Reported, reported.Status);
        Assert.True(reported.Report!.DataQualityCheckPassed);
    }

    [Fact]
    public async Task The_upload_is_for_data_nodes_only()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/pruefbericht/upload") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        await (await platform.Client(ParticipantRole.Provider, CaseScenario.Provider).SendAsync(request)).AssertProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await platform.AnonymousClient().PostAsync("/pruefbericht/upload", new StringContent("{}", Encoding.UTF8, "application/json")))
            .AssertProblem(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    /// <summary><c>requests.post(base_url.rstrip("/") + "/upload", headers={"Authorization": f"bearer {token}"}, json=…)</c>.</summary>
    private static Task<HttpResponseMessage> Upload(HttpClient http, Uri apiBaseUrl, string token, string pruefbericht)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, apiBaseUrl.AbsoluteUri.TrimEnd('/') + "/upload")
        {
            Content = new StringContent(pruefbericht, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", $"bearer {token}");
        return http.SendAsync(request);
    }
}
