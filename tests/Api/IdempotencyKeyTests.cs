using System.Net;
using System.Security.Claims;
using System.Text;
using GenomDE.Orleans.ClientApi.Apis;
using GenomDE.Orleans.ClientApi.Auth;
using GenomDE.Orleans.ClientApi.Hosting;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.Tests.Cases;
using GenomDE.Orleans.Tests.Fixtures;
using GenomDE.Orleans.Tests.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GenomDE.Orleans.Tests.Api;

/// <summary>The Idempotency-Key contract at the edge: a replay answers the first answer byte for
/// byte; the key with another request body is 422 even where the command itself would be the same;
/// a second request with the key while the first is still running is 409; keys of different
/// participants never meet.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class IdempotencyKeyTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_key_is_bound_to_its_request_body_not_only_to_its_command()
    {
        var scenario = await CaseScenario.Start(platform);
        var genomic = scenario.Metadata(MetadataDocument.WgsTumorGermline);
        await (await scenario.SubmitGenomic(genomic)).Read<SubmissionAnswer>(HttpStatusCode.Created);
        var tan = genomic["submission"]!["tanG"]!.GetValue<string>();
        var key = TestIds.Key();

        var first = await scenario.GenomeCentre.PostJsonText($"/api/v1/inbox/{tan}/receipt", "{}", key);
        var replay = await scenario.GenomeCentre.PostJsonText($"/api/v1/inbox/{tan}/receipt", "{}", key);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((first.StatusCode, await first.Content.ReadAsStringAsync()), (replay.StatusCode, await replay.Content.ReadAsStringAsync()));

        // The receipt's command carries no body, so only the request's hash tells these apart.
        var changed = await scenario.GenomeCentre.PostJsonText($"/api/v1/inbox/{tan}/receipt", "{\"note\":\"second\"}", key);
        await changed.AssertProblem(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        Assert.Equal(SubmissionStatus.Received, (await scenario.Case()).Submissions.Single(s => s.Tan == tan).Status);
    }

    [Fact]
    public async Task A_second_request_with_the_key_while_the_first_runs_is_a_409_and_the_first_completes()
    {
        var release = new TaskCompletionSource();
        var entered = new TaskCompletionSource();
        var middleware = new IdempotencyKeys(async http =>
        {
            entered.TrySetResult();
            await release.Task;
            http.Response.StatusCode = StatusCodes.Status201Created;
        });
        var first = Request("BfArM", "k-1", "{\"a\":1}");
        var running = middleware.InvokeAsync(first);
        await entered.Task;

        var second = Request("BfArM", "k-1", "{\"a\":1}");
        await middleware.InvokeAsync(second);
        var other = Request("BfArM", "k-2", "{\"a\":1}"); // another key is not held up
        var otherRun = middleware.InvokeAsync(other);
        release.SetResult();
        await running;
        await otherRun;

        Assert.Equal(StatusCodes.Status409Conflict, second.Response.StatusCode);
        Assert.Equal("1", second.Response.Headers.RetryAfter.ToString());
        second.Response.Body.Position = 0;
        Assert.Contains("idempotency_key_in_flight", await new StreamReader(second.Response.Body).ReadToEndAsync(), StringComparison.Ordinal);
        Assert.Equal((StatusCodes.Status201Created, StatusCodes.Status201Created), (first.Response.StatusCode, other.Response.StatusCode));
        Assert.Matches("^[0-9a-f]{64}$", IdempotencyKeys.HashOf(first)!);
        Assert.Equal(IdempotencyKeys.HashOf(first), IdempotencyKeys.HashOf(other)); // same method, path and body

        // After the first answered, the key is free again: a retry reaches the grains (which replay).
        var retry = Request("BfArM", "k-1", "{\"a\":1}");
        await new IdempotencyKeys(_ => Task.CompletedTask).InvokeAsync(retry);
        Assert.Equal(StatusCodes.Status200OK, retry.Response.StatusCode);
    }

    [Fact]
    public void Scoped_keys_of_different_participants_never_meet()
    {
        var a = RequestIds.Scoped(new Caller(ParticipantRole.Operator, "A"), "B:k");
        var b = RequestIds.Scoped(new Caller(ParticipantRole.Operator, "A:B"), "k");

        Assert.NotEqual(a, b);
        Assert.Equal("Operator:1:A:B:k", a);
    }

    private static DefaultHttpContext Request(string participant, string key, string body)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = HttpMethods.Post;
        http.Request.Path = "/api/v1/nodes";
        http.Request.Headers[RequestIds.Header] = key;
        http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        http.Response.Body = new MemoryStream();
        http.User = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ParticipantClaims.Role, "operator"), new Claim(ParticipantClaims.Participant, participant)], "test"));
        http.RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider();
        return http;
    }
}
