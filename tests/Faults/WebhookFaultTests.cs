using System.Net;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Webhooks;
using GenomDE.Orleans.Tests.Faults.Lifecycles;
using GenomDE.Orleans.Tests.Fixtures;
using Npgsql;

namespace GenomDE.Orleans.Tests.Faults;

/// <summary>The webhook grain types, which a case lifecycle never writes: registering an endpoint
/// (<c>POST /api/v1/webhooks</c>) writes the new endpoint (its setup and secret), the participant's
/// registry (list and stored reply) and the platform's webhook directory, all inside the request
/// (<see cref="FaultContract.FirstWrite"/>: decision path). One of these writes fails before or
/// after commit: the participant gets 503 storage_unavailable, retries with the same key and gets
/// 201; a replay answers that byte for byte (same endpoint, same secret); the participant has exactly
/// one endpoint and the directory knows it. Delivery itself is covered in tests/Events
/// (WebhookDeliveryTests, PostgresWebhookTests).</summary>
[Collection(FaultsCollectionDefinition.Name)]
[Trait("Category", "Faults")]
public sealed class WebhookFaultTests(FaultsPlatformFixture platform)
{
    public static TheoryData<string, WritePhase> Writes()
    {
        var data = new TheoryData<string, WritePhase>();
        foreach (var type in FaultContract.WebhookTypes.Order(StringComparer.Ordinal))
        {
            data.Add(type, WritePhase.BeforeCommit);
            data.Add(type, WritePhase.AfterCommit);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_failed_write_while_registering_a_webhook_answers_503_and_the_retry_registers_it_once(string grainType, WritePhase phase)
    {
        Assert.Equal(FaultPath.Decision, FaultContract.FirstWrite[grainType]);
        var log = new RetryLog();
        var check = new ActivationStateCheck(platform.Faults);
        var ik = TestIds.Ik();
        var http = platform.Client(ParticipantRole.Provider, ik);
        var client = new PatientClient(http, log) { OnFailedAttempt = check.AfterFailedAttempt };
        var key = TestIds.Key();
        var body = """{"url":"http://127.0.0.1:9/genomde-fault-test","types":["*"]}""";
        platform.Faults.Arm(FaultPlan.NextWriteOf(grainType, phase));
        Answer answer;
        try
        {
            answer = await client.Post("/api/v1/webhooks", body, key);
        }
        finally
        {
            platform.Faults.Disarm();
        }

        Assert.True(answer.Status == HttpStatusCode.Created, $"{(int)answer.Status} {answer.Body}");
        Assert.Equal(["503 storage_unavailable"], answer.FailedAttempts);
        Assert.Empty(log.Forbidden);
        var fault = Assert.Single(platform.Faults.Injected);
        Assert.Equal((grainType, phase == WritePhase.BeforeCommit ? FaultKind.WriteBeforeCommit : FaultKind.WriteAfterCommit), (fault.GrainType, fault.Kind));
        ActivationStateCheck.AtReload(fault);
        Assert.Equal([fault.ToString()], check.Checked);

        var replay = await client.Post("/api/v1/webhooks", body, key);
        Assert.Equal(answer.Status, replay.Status);
        Assert.Equal(answer.Body, replay.Body); // byte for byte: same endpoint, same secret

        var created = answer.Read<WebhookWithSecret>();
        Assert.StartsWith("whsec_", created.Secret, StringComparison.Ordinal);
        var listed = (await client.Get("/api/v1/webhooks")).Read<List<WebhookView>>();
        Assert.Equal([created.Webhook.Id], listed.Select(w => w.Id)); // exactly one endpoint: none lost, none doubled
        var view = (await client.Get($"/api/v1/webhooks/{created.Webhook.Id}")).Read<WebhookView>();
        Assert.Equal((created.Webhook.Url, created.Webhook.CreatedAt), (view.Url, view.CreatedAt));
        Assert.Equal(created.Webhook.Types, view.Types);
        Assert.Equal(1, await DirectoryRowsNaming(created.Webhook.Id)); // the event stream will wake it
    }

    /// <summary>Stored webhook-directory rows that list <paramref name="webhookId"/>.</summary>
    private async Task<long> DirectoryRowsNaming(string webhookId)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(platform.Database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM genomde_grain_state WHERE grain_type = 'webhook-directory' AND (convert_from(payload, 'UTF8')::jsonb -> 'Endpoints') ? @id",
            connection);
        command.Parameters.AddWithValue("id", webhookId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
