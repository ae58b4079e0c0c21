using System.Net;
using System.Text.Json;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Tokens;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.Grains.Cases;
using GenomDE.Orleans.Grains.Common;
using GenomDE.Orleans.Silo.Hosting;
using GenomDE.Orleans.Tests.Fixtures;
using GenomDE.Orleans.Tests.Submissions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.TestingHost;

namespace GenomDE.Orleans.Tests.Cases;

/// <summary>What a case costs in storage: the state as the storage writes it (raw JSON) after a full
/// lifecycle with an Idempotency-Key on every request (the most a client can make us keep), and
/// every kept answer still replayed byte for byte from it.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class CaseStateSizeTests(PlatformFixture platform, ITestOutputHelper output)
{
    /// <summary>The bound of issue 16 for a full lifecycle's stored case.</summary>
    private const int MaxStoredBytes = 8 * 1024;

    private static readonly JsonSerializerOptions StorageJson = CreateStorageJson();

    [Fact]
    public async Task A_full_lifecycle_case_is_stored_in_at_most_8_kb_and_replays_every_answer_byte_for_byte()
    {
        var scenario = await CaseScenario.Start(platform);
        var answers = new List<(HttpClient Client, string Path, string Body, string Key, string Answer)>();
        async Task<string> Post(HttpClient client, string path, string body)
        {
            var key = TestIds.Key();
            var response = await client.PostJsonText(path, body, key);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
            answers.Add((client, path, body, key, text));
            return text;
        }

        var genomic = scenario.Metadata(MetadataDocument.WgsTumorGermline);
        var clinical = scenario.ClinicalMetaData();
        var tanG = genomic["submission"]!["tanG"]!.GetValue<string>();
        var tanC = clinical["tanC"]!.GetValue<string>();
        await Post(scenario.Hospital, $"/api/v1/cases/{scenario.LocalCaseId}/genomic-submissions", genomic.ToJsonString());
        await Post(scenario.Hospital, $"/api/v1/cases/{scenario.LocalCaseId}/clinical-submissions", clinical.ToJsonString());
        foreach (var (node, tan) in new[] { (scenario.GenomeCentre, tanG), (scenario.ClinicalNode, tanC) })
        {
            await Post(node, $"/api/v1/inbox/{tan}/receipt", "{}");
            await Post(node, $"/api/v1/inbox/{tan}/basic-qc", "{\"passed\":true}");
            var submission = (await scenario.Case()).Submissions.Single(s => s.Tan == tan);
            await Post(node, "/api/v1/reports", scenario.Report(submission, true).ToJsonString());
        }

        var tokens = await (await scenario.Hospital.GetAsync(Http.RecentTokensPath)).Read<List<TokenView>>();
        var delivered = tokens.Where(t => t.Tan == tanG || t.Tan == tanC).Select(t => t.Record.Token.Delivered).ToArray();
        Assert.Equal(2, delivered.Length);
        var payer = platform.Client(ParticipantRole.Payer, "200000001");
        await Post(payer, "/api/v1/claims", JsonSerializer.Serialize(new { tokens = delivered }));
        Assert.Equal(CaseStatus.Reimbursed, (await scenario.Case()).Status);

        var state = await StoredState(CaseKeys.Of(CaseScenario.Provider, scenario.LocalCaseId));
        var stored = Size(state);
        output.WriteLine($"case state as stored: {stored} bytes");
        foreach (var (part, bytes) in Parts(state))
        {
            output.WriteLine($"  {part}: {bytes} bytes");
        }

        foreach (var (client, path, body, key, answer) in answers)
        {
            var replay = await client.PostJsonText(path, body, key);
            Assert.Equal(answer, await replay.Content.ReadAsStringAsync());
        }

        Assert.True(stored <= MaxStoredBytes, $"The case state is {stored} bytes as stored; at most {MaxStoredBytes} are allowed.");
    }

    private async Task<CaseState> StoredState(string caseKey)
    {
        var storage = ((InProcessSiloHandle)platform.Cluster.Silos[0]).ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Platform);
        var stored = new GrainState<CaseState>();
        await storage.ReadStateAsync("case", GrainId.Create("case", caseKey), stored);
        return stored.State ?? throw new InvalidOperationException("No stored case state.");
    }

    private static IEnumerable<(string Part, int Bytes)> Parts(CaseState state)
    {
        yield return ("case view", Size(state.Case));
        yield return ("  submissions", Size(state.Case?.Submissions));
        yield return ("  history", Size(state.Case?.History));
        foreach (var property in typeof(CaseState).GetProperties().Where(p => p.Name != nameof(CaseState.Case)))
        {
            yield return (property.Name, Size(property.GetValue(state)));
        }
    }

    private static int Size(object? value) => JsonSerializer.SerializeToUtf8Bytes(value, StorageJson).Length;

    private static JsonSerializerOptions CreateStorageJson()
    {
        var json = new JsonSerializerOptions();
        SiloConfiguration.ConfigureStorageJson(json);
        return json;
    }
}
