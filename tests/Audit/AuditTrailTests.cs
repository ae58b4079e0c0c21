using System.Net;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Audit;
using GenomDE.Orleans.Silo.Hosting;
using GenomDE.Orleans.Tests.Fixtures;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace GenomDE.Orleans.Tests.Audit;

/// <summary>The audit trail on PostgreSQL, from the outside: commands accepted and refused and an
/// operator's read of a case are recorded with their outcome; the table refuses changes; and when a
/// database superuser edits, deletes or swaps rows anyway (triggers off), verification through the
/// API and the offline command names the first broken entry every time.</summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class AuditTrailTests(PostgresPlatformFixture platform)
{
    [Fact]
    public async Task Commands_and_refusals_are_recorded_and_any_rewrite_is_named_at_its_first_entry()
    {
        var op = platform.Operator();
        var ik = TestIds.Ik();
        var before = await Head(op);
        var key = TestIds.Key();
        Assert.True((await op.PutAsync($"/api/v1/providers/{ik}", Http.JsonBody(new { name = "Audit LE", indications = new[] { "rare" }, participationStart = "2024-01-01" }))).IsSuccessStatusCode);
        var refused = await platform.Client(ParticipantRole.Provider, ik).PostJson("/api/v1/nodes", new { kind = "gdc", name = "x", site = "y" }, key);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync($"/api/v1/providers/{ik}/cases/CASE-NONE")).StatusCode);
        for (var i = 0; i < 5; i++)
        {
            await op.PutAsync($"/api/v1/providers/{ik}", Http.JsonBody(new { name = $"Audit LE {i}", indications = new[] { "rare" }, participationStart = "2024-01-01" }));
        }

        var ours = (await (await op.GetAsync($"/api/v1/audit/entries?after={before}&limit=1000")).Read<List<AuditEntry>>())
            .Where(e => e.Draft.Target.Contains(ik, StringComparison.Ordinal) || e.Draft.ActorId == ik).ToList();
        Assert.Equal(["PUT /providers/{ik}", "POST /nodes", "GET /providers/{ik}/cases/{localCaseId}", "PUT /providers/{ik}"],
            ours.Take(4).Select(e => e.Draft.Action.Replace("/api/v1", "", StringComparison.Ordinal)));
        Assert.Equal([200, 403, 404], ours.Take(3).Select(e => e.Draft.Outcome));
        Assert.Equal(("provider", ik, $"Provider:{ik.Length}:{ik}:{key}"), (ours[1].Draft.ActorRole, ours[1].Draft.ActorId, ours[1].Draft.RequestId));
        Assert.Matches("^[0-9a-f]{64}$", ours[1].Draft.BodySha256);

        var checkpoint = await (await op.PostAsync("/api/v1/audit/checkpoints", null)).Read<AuditCheckpoint>();
        Assert.True(AuditChain.SignatureHolds(checkpoint));
        Assert.Contains(checkpoint, await (await platform.Client(ParticipantRole.Provider, ik).GetAsync("/api/v1/audit/checkpoints")).Read<List<AuditCheckpoint>>());
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Client(ParticipantRole.Provider, ik).GetAsync("/api/v1/audit/verify")).StatusCode);
        Assert.True((await Verify(op)).Intact);
        Assert.Equal(0, await VerifyOffline());

        await using var db = await Superuser();
        await Assert.ThrowsAsync<PostgresException>(() => Sql(db, $"UPDATE genomde_audit SET entry = entry WHERE seq = {ours[0].Seq}"));

        // Round 1: one entry's outcome changed from 403 to 201.
        var edited = ours[1].Seq;
        await Tampered(db, $"UPDATE genomde_audit SET entry = replace(entry, '\"Outcome\":403', '\"Outcome\":201') WHERE seq = {edited}", edited, op, "changed");

        // Round 2: one entry deleted.
        var deleted = ours[2].Seq;
        await Tampered(db, $"DELETE FROM genomde_audit WHERE seq = {deleted}", deleted, op, "missing");

        // Round 3: two entries swapped.
        var (a, b) = (ours[3].Seq, ours[4].Seq);
        await Tampered(db, $"UPDATE genomde_audit SET seq = CASE seq WHEN {a} THEN -1 ELSE seq END WHERE seq = {a}; " +
            $"UPDATE genomde_audit SET seq = {a} WHERE seq = {b}; UPDATE genomde_audit SET seq = {b} WHERE seq = -1", a, op, "follow");

        // Round 4: entry changed and every hash after it recomputed: only the checkpoint knows.
        var rewritten = ours[1].Seq;
        await Tampered(db, $"""
            UPDATE genomde_audit SET entry = replace(entry, '"Outcome":403', '"Outcome":201') WHERE seq = {rewritten};
            """, null, op, "rewritten", recompute: rewritten);

        Assert.True((await Verify(op)).Intact); // every round was restored
    }

    [Fact]
    public async Task A_rewritten_entry_is_named_at_the_checkpoint_whose_Merkle_root_no_longer_matches_and_its_proof_fails()
    {
        var op = platform.Operator();
        var ik = TestIds.Ik();
        var hospital = platform.Client(ParticipantRole.Provider, ik);
        var before = await Head(op);
        Assert.Equal(HttpStatusCode.Forbidden, (await hospital.PostJson("/api/v1/nodes", new { kind = "gdc", name = "x", site = "y" })).StatusCode);
        var entry = (await (await op.GetAsync($"/api/v1/audit/entries?after={before}&limit=1000")).Read<List<AuditEntry>>()).Single(e => e.Draft.ActorId == ik);
        var checkpoint = await (await op.PostAsync("/api/v1/audit/checkpoints", null)).Read<AuditCheckpoint>();
        var proofPath = $"/api/v1/audit/entries/{entry.Seq}/proof";
        var kept = await (await hospital.GetAsync($"{proofPath}?checkpoint={checkpoint.Seq}")).Read<AuditProof>();

        Assert.Matches("^[0-9a-f]{64}$", checkpoint.MerkleRoot);
        Assert.Equal(checkpoint, kept.Checkpoint); // the root reads back from PostgreSQL as signed
        Assert.True(AuditMerkle.ProofHolds(kept));

        // Entry changed, every hash after it recomputed: the chain is self-consistent, the tree is not the signed one.
        await using var db = await Superuser();
        await Tampered(db, $"""
            UPDATE genomde_audit SET entry = replace(entry, '"Outcome":403', '"Outcome":201') WHERE seq = {entry.Seq};
            """, null, op, "Merkle root", recompute: entry.Seq, whileTampered: async (result, offline) =>
        {
            var named = (await (await op.GetAsync("/api/v1/audit/checkpoints")).Read<List<AuditCheckpoint>>()).Where(c => c.Seq >= entry.Seq).Min(c => c.Seq);
            Assert.Equal(named, result.BrokenCheckpointSeq);
            Assert.Contains($"the checkpoint over entries 1–{named} signed at", result.Problem, StringComparison.Ordinal);
            Assert.Contains("its head hash and its Merkle root differ", result.Problem, StringComparison.Ordinal);
            Assert.Contains($"the checkpoint over entries 1–{named} signed at", offline, StringComparison.Ordinal);

            var served = await (await hospital.GetAsync($"{proofPath}?checkpoint={checkpoint.Seq}")).Read<AuditProof>();
            Assert.Equal(201, served.Entry.Draft.Outcome);
            Assert.False(AuditMerkle.ProofHolds(served)); // the hospital's check fails against the root it holds
        });

        Assert.True(AuditMerkle.ProofHolds(await (await hospital.GetAsync(proofPath)).Read<AuditProof>()));
    }

    /// <summary>Saves the rows, applies <paramref name="sql"/> with triggers off, checks both
    /// verifications name <paramref name="first"/> (and whatever <paramref name="whileTampered"/>
    /// checks, given the API's result and the offline command's output), then restores the saved rows.</summary>
    private async Task Tampered(NpgsqlConnection db, string sql, long? first, HttpClient op, string problem, long? recompute = null,
        Func<AuditVerification, string, Task>? whileTampered = null)
    {
        await Sql(db, "SET session_replication_role = replica; CREATE TEMP TABLE saved AS SELECT * FROM genomde_audit");
        await Sql(db, sql);
        if (recompute is { } from)
        {
            await Recompute(db, from);
        }

        var result = await Verify(op);
        Assert.False(result.Intact, $"not detected: {sql}");
        Assert.Contains(problem, result.Problem, StringComparison.Ordinal);
        if (first is not null)
        {
            Assert.Equal(first, result.FirstBrokenSeq);
        }
        else
        {
            Assert.True(result.FirstBrokenSeq <= recompute, $"{result.FirstBrokenSeq} names an entry after the rewrite at {recompute}");
        }

        using var offline = new StringWriter();
        Assert.Equal(1, await VerifyOffline(offline));
        Assert.Contains(result.Problem!, offline.ToString(), StringComparison.Ordinal);
        if (whileTampered is not null)
        {
            await whileTampered(result, offline.ToString());
        }

        await Sql(db, "DELETE FROM genomde_audit; INSERT INTO genomde_audit SELECT * FROM saved; DROP TABLE saved; SET session_replication_role = origin");
    }

    /// <summary>What an attacker with the database does after changing an entry: rehash the chain from it on.</summary>
    private async Task Recompute(NpgsqlConnection db, long from)
    {
        var store = new Silo.Audit.PostgresAuditStore(NpgsqlDataSource.Create(platform.Database.ConnectionString), ownsDataSource: true);
        await using (store)
        {
            var all = await store.ReadAsync(0, 1_000_000);
            var prev = all.First(e => e.Seq == from).PrevHash;
            foreach (var entry in all.Where(e => e.Seq >= from))
            {
                var hash = AuditChain.Hash(prev, entry.Seq, entry.Draft);
                await Sql(db, $"UPDATE genomde_audit SET prev_hash = '{prev}', hash = '{hash}' WHERE seq = {entry.Seq}");
                prev = hash;
            }
        }
    }

    private static async Task<AuditVerification> Verify(HttpClient op) => await (await op.GetAsync("/api/v1/audit/verify")).Read<AuditVerification>();

    private static async Task<long> Head(HttpClient op)
    {
        long after = 0;
        while (true)
        {
            var page = await (await op.GetAsync($"/api/v1/audit/entries?after={after}&limit=1000")).Read<List<AuditEntry>>();
            if (page.Count == 0)
            {
                return after;
            }

            after = page[^1].Seq;
        }
    }

    private Task<int> VerifyOffline(TextWriter? output = null) =>
        AuditCommand.Run(["verify"], new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [SiloConfiguration.ConnectionStringKey] = platform.Database.ConnectionString }).Build(),
            output ?? TextWriter.Null);

    private async Task<NpgsqlConnection> Superuser()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(platform.Database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task Sql(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }
}
