using System.Net;
using GenomDE.Orleans.ClientApi.Contracts;
using GenomDE.Orleans.ClientApi.Limits;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Nodes;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.Tests.Fixtures;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GenomDE.Orleans.Tests.Api;

/// <summary>Free text, lists and route IDs are bounded before any grain is called: 400 problem+json
/// naming the field or parameter. Where a grain call would have answered differently (404 for an
/// unknown submission), the 400 shows that the check came first.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class InputLimitsTests(PlatformFixture platform)
{
    [Fact]
    public async Task An_oversized_basic_qc_detail_is_refused_before_the_submission_is_looked_up()
    {
        var node = platform.Client(ParticipantRole.Gdc, "GRZM00123");
        var body = new { passed = false, failureReason = "validation_error", detail = new string('x', InputLimits.BasicQcDetail + 1) };

        var response = await node.PostJson($"/api/v1/inbox/{new string('b', 64)}/basic-qc", body, TestIds.Key());

        var detail = await response.AssertProblem(HttpStatusCode.BadRequest, "text_too_long");
        Assert.Equal($"'detail' has {InputLimits.BasicQcDetail + 1} characters; at most {InputLimits.BasicQcDetail} are allowed.", detail);
        Assert.Contains("\"path\":\"$.detail\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Within the limit, the same request reaches the grains: no submission with that TAN here.
        await (await node.PostJson($"/api/v1/inbox/{new string('b', 64)}/basic-qc", body with { detail = "too few reads" }, TestIds.Key()))
            .AssertProblem(HttpStatusCode.NotFound, "unknown_submission");
    }

    [Fact]
    public async Task An_oversized_name_creates_no_node()
    {
        var before = (await (await platform.Operator().GetAsync("/api/v1/nodes?limit=1000")).Read<List<NodeView>>()).Count;

        var response = await platform.Operator().PostJson("/api/v1/nodes", new { kind = "gdc", name = new string('n', InputLimits.Name + 1), site = "Teststadt" });

        Assert.Contains("'name'", await response.AssertProblem(HttpStatusCode.BadRequest, "text_too_long"), StringComparison.Ordinal);
        Assert.Equal(before, (await (await platform.Operator().GetAsync("/api/v1/nodes?limit=1000")).Read<List<NodeView>>()).Count);
    }

    [Theory]
    [InlineData("/api/v1/nodes/APP-0000000000000000/review", "reason")]
    [InlineData("/api/v1/tokens/ABCDEFGHIJ/revoke", "reason")]
    public async Task Oversized_reasons_are_refused(string path, string field)
    {
        var response = await platform.Operator().PostJson(path, new { reason = new string('r', InputLimits.Reason + 1) });

        Assert.Contains($"'{field}'", await response.AssertProblem(HttpStatusCode.BadRequest, "text_too_long"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_and_their_items_are_bounded()
    {
        var payer = platform.Client(ParticipantRole.Payer, "200000001");
        var tooMany = await payer.PostJson("/api/v1/claims", new { tokens = Enumerable.Repeat("IBE+x", InputLimits.ClaimTokens + 1) });
        Assert.Contains("'tokens' has 21 items", await tooMany.AssertProblem(HttpStatusCode.BadRequest, "too_many_items"), StringComparison.Ordinal);

        var tooLong = await payer.PostJson("/api/v1/claims", new { tokens = new[] { "IBE+ok", new string('t', InputLimits.Token + 1) } });
        Assert.Contains("'tokens[1]'", await tooLong.AssertProblem(HttpStatusCode.BadRequest, "text_too_long"), StringComparison.Ordinal);

        var hook = await platform.Client(ParticipantRole.Provider, TestIds.Ik())
            .PostJson("/api/v1/webhooks", new { url = "https://example.org/" + new string('u', InputLimits.WebhookUrl), types = new[] { "*" } });
        Assert.Contains("'url'", await hook.AssertProblem(HttpStatusCode.BadRequest, "text_too_long"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/inbox/not-a-tan/receipt", "POST", ParticipantRole.Gdc, "invalid_tan")]
    [InlineData("/api/v1/tokens/short/csv", "GET", ParticipantRole.Provider, "invalid_confirmation_code")]
    [InlineData("/api/v1/providers/12345678X", "GET", ParticipantRole.Payer, "invalid_ik")]
    public async Task Malformed_route_ids_are_a_400(string path, string method, ParticipantRole role, string code)
    {
        var http = platform.Client(role, role == ParticipantRole.Gdc ? "GRZM00123" : "123456789");
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? Http.JsonBody(new { }) : null };

        await (await http.SendAsync(request)).AssertProblem(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Local_case_ids_are_checked_in_the_route_and_at_registration()
    {
        var hospital = platform.Client(ParticipantRole.Provider, "123456789");
        var tooLong = new string('c', CaseKeys.MaxLocalCaseIdLength + 1);

        await (await hospital.GetAsync($"/api/v1/cases/{tooLong}")).AssertProblem(HttpStatusCode.BadRequest, "invalid_local_case_id");
        await (await platform.Operator().GetAsync($"/api/v1/providers/123456789/cases/{tooLong}")).AssertProblem(HttpStatusCode.BadRequest, "invalid_local_case_id");
        await (await hospital.PostJson("/api/v1/cases", new { localCaseId = "tab\there" })).AssertProblem(HttpStatusCode.BadRequest, "invalid_local_case_id");
        await (await hospital.PostJson("/api/v1/cases", new { localCaseId = tooLong })).AssertProblem(HttpStatusCode.BadRequest, "text_too_long");
    }

    [Fact]
    public async Task Every_body_an_endpoint_binds_has_its_limits()
    {
        var (api, _) = await platform.StartApiAsync(new Dictionary<string, string?>());
        await using var _ = api;
        var bodies = api.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .SelectMany(e => e.Metadata.OfType<IAcceptsMetadata>())
            .Where(a => a.ContentTypes.Contains("application/json"))
            .Select(a => a.RequestType)
            .OfType<Type>()
            .Distinct()
            .ToList();

        Assert.Contains(typeof(BasicQcRequest), bodies);
        var documents = new[] { typeof(System.Text.Json.JsonElement) }; // metadata.json, Prüfbericht: checked by their parsers
        Assert.All(bodies.Except(documents), t => Assert.True(BodyLimits.Covers(t), $"{t.Name} is bound as a body but has no limits in BodyLimits."));
    }

    [Theory]
    [InlineData("localCaseId", "CASE-1", null)]
    [InlineData("localCaseId", "", "invalid_local_case_id")]
    [InlineData("localCaseId", "line\nbreak", "invalid_local_case_id")]
    [InlineData("tan", "ABCDEFabcdef0123456789ABCDEFabcdef0123456789ABCDEFabcdef01234567", null)]
    [InlineData("tan", "abc", "invalid_tan")]
    [InlineData("ik", "123456789", null)]
    [InlineData("ik", "1234567890", "invalid_ik")]
    [InlineData("code", "Ab3De6Gh9J", null)]
    [InlineData("code", "Ab3De6Gh9!", "invalid_confirmation_code")]
    [InlineData("id", "anything", null)] // checked by the node and webhook handlers
    public void Route_ids_have_their_formats(string name, string value, string? code)
    {
        Assert.Equal(code, PathIds.Check(name, value)?.Code);
    }

    [Fact]
    public void Limits_name_the_field_and_accept_what_fits()
    {
        Assert.Null(BodyLimits.Check(new NodeTransitionRequest(new string('r', InputLimits.Reason))));
        var error = BodyLimits.Check(new NodeApplication(NodeKind.Gdc, "Name", new string('s', InputLimits.Site + 1)));
        Assert.Equal(("text_too_long", "$.site"), (error!.Code, error.Errors![0].Path));
        Assert.Null(BodyLimits.Check("not a body type"));
        Assert.Equal(InputLimits.BasicQcDetail, InputLimits.TextFor("detail"));
    }
}
