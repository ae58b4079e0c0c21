using System.Net;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Nodes;
using GenomDE.Orleans.Tests.Fixtures;

namespace GenomDE.Orleans.Tests.Api;

/// <summary>Hostile or broken requests get a 4xx problem that names the problem and store nothing.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class BadInputTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("{\"kind\":\"gdc\",\"name\":\"x\"", "malformed_json")]
    [InlineData("not json at all", "malformed_json")]
    [InlineData("{\"kind\":\"gdc\",\"name\":\"x\"}", "malformed_json")]
    [InlineData("{\"kind\":\"gdc\",\"name\":\"x\",\"site\":null}", "malformed_json")]
    [InlineData("{\"kind\":1,\"name\":\"x\",\"site\":\"y\"}", "malformed_json")]
    [InlineData("{\"kind\":\"gdc\",\"name\":\" \",\"site\":\"y\"}", "name_required")]
    public async Task Broken_applications_are_a_400_and_create_nothing(string body, string code)
    {
        var before = await CountNodes();

        await (await platform.Operator().PostRaw("/api/v1/nodes", body)).AssertProblem(HttpStatusCode.BadRequest, code);

        Assert.Equal(before, await CountNodes());
    }

    [Fact]
    public async Task A_wrong_enum_value_names_the_accepted_values()
    {
        var response = await platform.Operator().PostRaw("/api/v1/nodes", "{\"kind\":\"grz\",\"name\":\"x\",\"site\":\"y\"}");

        var detail = await response.AssertProblem(HttpStatusCode.BadRequest, "malformed_json");
        Assert.Contains("'grz' is not a valid node_kind; expected one of: cdn, gdc", detail, StringComparison.Ordinal);
        Assert.Contains("$.kind", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"kind\":\"gdc\",\"name\":\"x\",\"name\":\"y\",\"site\":\"z\"}")]
    [InlineData("{\"kind\":\"gdc\",\"name\":\"x\",\"site\":\"z\",\"Name\":\"y\"}")] // names match case-insensitively
    public async Task A_property_given_twice_is_a_400_that_names_it(string body)
    {
        var before = await CountNodes();

        var detail = await (await platform.Operator().PostRaw("/api/v1/nodes", body)).AssertProblem(HttpStatusCode.BadRequest, "duplicate_property");

        Assert.Contains("'name'", detail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await CountNodes());
    }

    [Fact]
    public async Task A_document_with_a_property_given_twice_is_refused_too()
    {
        var gdc = platform.Client(GenomDE.Orleans.Domain.Common.ParticipantRole.Gdc, "GRZM00123");

        var detail = await (await gdc.PostRaw("/api/v1/reports", "{\"SubmittedCase\":{\"tan\":\"a\",\"tan\":\"b\"}}")).AssertProblem(HttpStatusCode.BadRequest, "duplicate_property");

        Assert.Contains("'tan'", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_body_is_a_413()
    {
        // Just over the 1 MiB limit. The server refuses by Content-Length before reading, and closes the
        // connection; a client still writing the body then meets a broken pipe instead of the answer
        // (seen in CI). With "Expect: 100-continue", as clients of large uploads send it, the client
        // waits for the server's word first and reads the 413 whole.
        var huge = "{\"kind\":\"gdc\",\"name\":\"" + new string('a', (1024 * 1024) + 512) + "\",\"site\":\"y\"}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/nodes")
        {
            Content = new StringContent(huge, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;

        await (await platform.Operator().SendAsync(request)).AssertProblem(HttpStatusCode.RequestEntityTooLarge, "body_too_large");
    }

    [Fact]
    public async Task A_wrong_media_type_is_a_415()
    {
        await (await platform.Operator().PostRaw("/api/v1/nodes", "kind=gdc", "text/plain")).AssertProblem(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task Unknown_routes_and_methods_are_problems_too()
    {
        await (await platform.Operator().GetAsync("/api/v1/nowhere")).AssertProblem(HttpStatusCode.NotFound, "no_such_endpoint");
        await (await platform.Operator().DeleteAsync("/api/v1/nodes")).AssertProblem(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Fact]
    public async Task An_unusable_idempotency_key_is_a_400()
    {
        var response = await platform.Operator().PostJson("/api/v1/nodes", new { kind = "gdc", name = "x", site = "y" }, new string('k', 200));

        await response.AssertProblem(HttpStatusCode.BadRequest, "invalid_idempotency_key");
    }

    private async Task<int> CountNodes() =>
        (await (await platform.Operator().GetAsync("/api/v1/nodes?limit=1000")).Read<List<NodeView>>()).Count;
}
