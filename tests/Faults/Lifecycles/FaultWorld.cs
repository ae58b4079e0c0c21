using System.Text.Json;
using GenomDE.Orleans.GrainInterfaces.Common;
using GenomDE.Orleans.GrainInterfaces.Nodes;
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

    /// <summary>The answers of the setup commands (participants, nodes), in order.</summary>
    public IReadOnlyList<Answer> SetupAnswers => _setup;

    private readonly List<Answer> _setup = [];

    public static async Task<FaultWorld> Create(PlatformFixture platform, RetryLog? log = null, Func<string, Task>? onFailedAttempt = null)
    {
        var world = new FaultWorld(platform, log ?? new RetryLog(), TestIds.Ik(), TestIds.Ik());
        foreach (var client in world.Clients)
        {
            client.OnFailedAttempt = onFailedAttempt;
        }

        await world.Setup(world.Operator.Put($"/api/v1/providers/{world.Provider}",
            """{"name":"Fault test LE","indications":["oncological","rare"],"participationStart":"2024-01-01"}"""), "register the LE");
        await world.Setup(world.Operator.Put($"/api/v1/payers/{world.Payer}", """{"name":"Fault test BKK","kind":"gkv"}"""), "register the payer");
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
        var applied = (await Setup(Operator.Post("/api/v1/nodes", Json(new { kind, name, site = "Teststadt" }), $"{keyPrefix}-apply"), $"apply {nodeId}"))
            .Read<NodeView>();
        if (applied.Status == NodeStatus.Applied && applied.NodeId is null)
        {
            await Setup(Operator.Post($"/api/v1/nodes/{applied.ApplicationId}/review", Json(new { reason = "test" }), $"{keyPrefix}-review"), $"review {nodeId}");
            await Setup(Operator.Post($"/api/v1/nodes/{applied.ApplicationId}/approve", Json(new { nodeId, reason = "approved in test" }), $"{keyPrefix}-approve"), $"approve {nodeId}");
        }
    }

    private async Task<Answer> Setup(Task<Answer> pending, string what)
    {
        var answer = await Expect(pending, what);
        _setup.Add(answer);
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
