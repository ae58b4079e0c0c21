using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Audit;
using GenomDE.Orleans.Tests.Fixtures;

namespace GenomDE.Orleans.Tests.Audit;

/// <summary>The audit endpoints against replays, hostile paging and other participants, and a
/// hospital proving its own entry offline.</summary>
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
    public async Task A_hospital_proves_its_own_entry_offline_against_the_signed_checkpoint_and_no_one_else_gets_its_proof()
    {
        var op = platform.Operator();
        var ik = TestIds.Ik();
        var hospital = platform.Client(ParticipantRole.Provider, ik);
        await op.PostJson("/api/v1/nodes", new { }); // a refused command: the trail has an entry to sign
        var before = await (await op.PostAsync("/api/v1/audit/checkpoints", null)).Read<AuditCheckpoint>();
        var refused = await hospital.PostJson("/api/v1/nodes", new { kind = "gdc", name = "x", site = "y" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var entry = (await Entries(op, before.Seq)).Single(e => e.Draft.ActorId == ik);
        Assert.Equal(entry.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(refused.Headers.GetValues("Audit-Seq"))); // the hospital's own handle
        var proofPath = $"/api/v1/audit/entries/{entry.Seq}/proof";

        var uncovered = await (await hospital.GetAsync(proofPath)).AssertProblem(HttpStatusCode.NotFound, "entry_not_covered");
        Assert.Contains("POST /api/v1/audit/checkpoints", uncovered, StringComparison.Ordinal);
        await (await hospital.GetAsync($"{proofPath}?checkpoint={before.Seq}")).AssertProblem(HttpStatusCode.NotFound, "entry_not_covered");

        var checkpoint = await (await op.PostAsync("/api/v1/audit/checkpoints", null)).Read<AuditCheckpoint>();
        var proof = await (await hospital.GetAsync(proofPath)).Read<AuditProof>();

        Assert.Equal((entry, checkpoint), (proof.Entry, proof.Checkpoint));
        VerifyOffline(proof, ik);
        Assert.True(AuditMerkle.ProofHolds(proof));
        Assert.Equal(JsonSerializer.Serialize(proof), JsonSerializer.Serialize(await (await hospital.GetAsync($"{proofPath}?checkpoint={checkpoint.Seq}")).Read<AuditProof>()));
        Assert.True(AuditMerkle.ProofHolds(await (await op.GetAsync(proofPath)).Read<AuditProof>()));

        // Another hospital, or the same ID in another role, learns nothing, not even that the entry exists.
        await (await platform.Client(ParticipantRole.Provider, TestIds.Ik()).GetAsync(proofPath)).AssertProblem(HttpStatusCode.NotFound, "unknown_audit_entry");
        await (await platform.Client(ParticipantRole.Payer, ik).GetAsync(proofPath)).AssertProblem(HttpStatusCode.NotFound, "unknown_audit_entry");
        await (await hospital.GetAsync("/api/v1/audit/entries/999999999999/proof")).AssertProblem(HttpStatusCode.NotFound, "unknown_audit_entry");
        await (await hospital.GetAsync($"{proofPath}?checkpoint=999999999999")).AssertProblem(HttpStatusCode.NotFound, "unknown_checkpoint");
    }

    /// <summary>What a hospital does with the answer, without this platform's code: the ECDSA
    /// signature over the v2 text, the leaf text's fields and hash, and the root via the path.</summary>
    private static void VerifyOffline(AuditProof proof, string ik)
    {
        var checkpoint = proof.Checkpoint;
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(checkpoint.PublicKey), out _);
        var signed = string.Create(CultureInfo.InvariantCulture,
            $"genomde-audit-checkpoint/v2\n{checkpoint.Seq}\n{checkpoint.HeadHash}\n{checkpoint.MerkleRoot}\n{checkpoint.Time.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffff}+00:00");
        Assert.True(key.VerifyData(Encoding.UTF8.GetBytes(signed), Convert.FromBase64String(checkpoint.Signature), HashAlgorithmName.SHA256));

        using var leaf = JsonDocument.Parse(proof.Leaf);
        var fields = leaf.RootElement.EnumerateArray().ToList();
        Assert.Equal((proof.Entry.Seq, "provider", ik, 403), (fields[0].GetInt64(), fields[2].GetString(), fields[3].GetString(), fields[8].GetInt32()));
        var leafHash = Rfc9162.Hash([0x00], Encoding.UTF8.GetBytes(proof.Leaf));
        Assert.Equal(Convert.ToHexStringLower(leafHash), proof.LeafHash);

        Assert.Equal((proof.Entry.Seq - 1, checkpoint.Seq), (proof.LeafIndex, proof.TreeSize));
        var root = Rfc9162.RootFromPath(leafHash, (int)proof.LeafIndex, (int)proof.TreeSize, [.. proof.AuditPath.Select(Convert.FromHexString)]);
        Assert.Equal(checkpoint.MerkleRoot, root is null ? null : Convert.ToHexStringLower(root));
    }

    [Theory]
    [InlineData("abc/proof")]
    [InlineData("0/proof")]
    [InlineData("-1/proof")]
    [InlineData("99999999999999999999/proof")]
    [InlineData("1/proof?checkpoint=abc")]
    [InlineData("1/proof?checkpoint=0")]
    [InlineData("1/proof?checkpoint=")]
    public async Task A_malformed_proof_request_is_a_400_problem(string path)
    {
        var response = await platform.Operator().GetAsync($"/api/v1/audit/entries/{path}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_proof_and_its_answers()
    {
        using var document = JsonDocument.Parse(await platform.AnonymousClient().GetStringAsync("/openapi/v1.json"));
        var get = document.RootElement.GetProperty("paths").GetProperty("/api/v1/audit/entries/{seq}/proof").GetProperty("get");

        Assert.Contains("Inclusion proof", get.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal(["200", "400", "401", "403", "404", "429", "503"], get.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["checkpoint", "seq"], get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
    }

    private static async Task<List<AuditEntry>> Entries(HttpClient op, long after)
    {
        var entries = new List<AuditEntry>();
        while (await (await op.GetAsync($"/api/v1/audit/entries?after={after}&limit=1000")).Read<List<AuditEntry>>() is { Count: > 0 } page)
        {
            entries.AddRange(page);
            after = page[^1].Seq;
        }

        return entries;
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
