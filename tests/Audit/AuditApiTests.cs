using System.Net;
using GenomDE.Orleans.GrainInterfaces.Audit;
using GenomDE.Orleans.GrainInterfaces.Common;
using GenomDE.Orleans.Tests.Fixtures;

namespace GenomDE.Orleans.Tests.Audit;

/// <summary>The audit endpoints against replays, hostile paging and other participants.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class AuditApiTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_checkpoint_request_replayed_with_its_key_answers_the_same_checkpoint()
    {
        var op = platform.Operator();
        var key = TestIds.Key();
        await op.PostJson("/api/v1/nodes", new { }); // a refused command: the trail has an entry to sign

        var first = await op.PostJsonText("/api/v1/audit/checkpoints", "", key);
        var replay = await op.PostJsonText("/api/v1/audit/checkpoints", "", key); // the first request's own entry advanced the head meanwhile
        var other = await op.PostJsonText("/api/v1/audit/checkpoints", "{\"x\":1}", key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((first.StatusCode, await first.Content.ReadAsStringAsync()), (replay.StatusCode, await replay.Content.ReadAsStringAsync()));
        await other.AssertProblem(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        Assert.True(AuditChain.SignatureHolds(await first.Read<AuditCheckpoint>()));
    }

    [Theory]
    [InlineData("after=abc")]
    [InlineData("after=-1")]
    [InlineData("limit=0")]
    [InlineData("limit=1000000")]
    [InlineData("after=99999999999999999999")]
    public async Task Hostile_paging_is_a_400_problem(string query)
    {
        var response = await platform.Operator().GetAsync($"/api/v1/audit/entries?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Only_the_operator_reads_entries_and_verifies_and_only_participants_read_checkpoints()
    {
        foreach (var path in new[] { "/api/v1/audit/entries", "/api/v1/audit/verify" })
        {
            await (await platform.Client(ParticipantRole.Payer, "200000001").GetAsync(path)).AssertProblem(HttpStatusCode.Forbidden, "forbidden");
        }

        await (await platform.Client(ParticipantRole.Gdc, "GRZM00123").PostJson("/api/v1/audit/checkpoints", new { })).AssertProblem(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.AnonymousClient().GetAsync("/api/v1/audit/checkpoints")).StatusCode);
    }
}
