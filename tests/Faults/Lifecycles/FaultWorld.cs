using System.Text.Json;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Nodes;
using GenomDE.Orleans.Tests.Cases;
using GenomDE.Orleans.Tests.Fixtures;

namespace GenomDE.Orleans.Tests.Faults.Lifecycles;

/// <summary>The participants of one fault test, all with patient clients: a fresh LE and a fresh
/// payer (registered here, so their grains and directories are written under the test's faults),
/// the example GDC and CDN the conformance documents name, and the operator. Setting up also takes
/// a fresh node through apply → review → approve, which writes the node and the node directory.</summary>
public sealed class FaultWorld
{
    private FaultWorld(PlatformFixture platform, RetryLog log, string provider, string payer)
    {
        Log = log;
        Provider = provider;
        Payer = payer;
        Operator = Patient(platform, ParticipantRole.Operator, "BfArM", log);
        Hospital = Patient(platform, ParticipantRole.Provider, provider, log);
        GenomeCentre = Patient(platform, ParticipantRole.Gdc, CaseScenario.Gdc, log);
        ClinicalNode = Patient(platform, ParticipantRole.Cdn, CaseScenario.Cdn, log);
        Insurer = Patient(platform, ParticipantRole.Payer, payer, log);
    }

    public RetryLog Log { get; }

    public string Provider { get; }

    public string Payer { get; }

    public PatientClient Operator { get; }

    public PatientClient Hospital { get; }

    public PatientClient GenomeCentre { get; }

    public PatientClient ClinicalNode { get; }

    public PatientClient Insurer { get; }

    /// <summary>Every client of this world, e.g. to hook a check into their failed attempts.</summary>
    public IEnumerable<PatientClient> Clients => [Operator, Hospital, GenomeCentre, ClinicalNode, Insurer];

    /// <summary>The setup commands (participants, nodes) with their answers, in order.</summary>
    public IReadOnlyList<SentCommand> SetupCommands => _setup;

    private readonly List<SentCommand> _setup = [];

    public static async Task<FaultWorld> Create(PlatformFixture platform, RetryLog? log = null, Func<string, Task>? onFailedAttempt = null)
    {
        var world = new FaultWorld(platform, log ?? new RetryLog(), TestIds.Ik(), TestIds.Ik());
        foreach (var client in world.Clients)
        {
            client.OnFailedAttempt = onFailedAttempt;
        }

        await world.Setup("register the LE", HttpMethod.Put, $"/api/v1/providers/{world.Provider}",
            """{"name":"Fault test LE","indications":["oncological","rare"],"participationStart":"2024-01-01"}""", null);
        await world.Setup("register the payer", HttpMethod.Put, $"/api/v1/payers/{world.Payer}", """{"name":"Fault test BKK","kind":"gkv"}""", null);
        foreach (var (kind, nodeId) in new[] { (NodeKind.Gdc, CaseScenario.Gdc), (NodeKind.Cdn, CaseScenario.Cdn) })
        {
            await world.ApproveNode(kind, nodeId, $"conformance-{nodeId}", $"Example node {nodeId}"); // CaseScenario's requests: replays once approved
        }

        await world.ApproveNode(NodeKind.Gdc, TestIds.NodeId("GRZ"), TestIds.Key(), "Fault test node");
        return world;
    }

    /// <summary>Asserts a definite success and returns it.</summary>
    public static async Task<Answer> Expect(Task<Answer> pending, string what)
    {
        var answer = await pending;
        Assert.True((int)answer.Status is >= 200 and < 300, $"{what}: {(int)answer.Status} {answer.Body}");
        return answer;
    }

    private async Task ApproveNode(NodeKind kind, string nodeId, string keyPrefix, string name)
    {
        var applied = (await Setup($"apply {nodeId}", HttpMethod.Post, "/api/v1/nodes", Json(new { kind, name, site = "Teststadt" }), $"{keyPrefix}-apply"))
            .Read<NodeView>();
        if (applied.Status == NodeStatus.Applied && applied.NodeId is null)
        {
            await Setup($"review {nodeId}", HttpMethod.Post, $"/api/v1/nodes/{applied.ApplicationId}/review", Json(new { reason = "test" }), $"{keyPrefix}-review");
            await Setup($"approve {nodeId}", HttpMethod.Post, $"/api/v1/nodes/{applied.ApplicationId}/approve", Json(new { nodeId, reason = "approved in test" }), $"{keyPrefix}-approve");
        }
    }

    /// <summary>An operator command of the setup, recorded for replays.</summary>
    private async Task<Answer> Setup(string what, HttpMethod method, string path, string body, string? key)
    {
        var answer = await Expect(Operator.Send(method, path, body, key), what);
        _setup.Add(new SentCommand(what, Operator, method, path, body, key, answer));
        return answer;
    }

    private static string Json(object body) => JsonSerializer.Serialize(body, Http.Json);

    private static PatientClient Patient(PlatformFixture platform, ParticipantRole role, string id, RetryLog log)
    {
        var http = platform.Client(role, id);
        http.Timeout = TimeSpan.FromSeconds(60);
        return new PatientClient(http, log);
    }
}
