using System.Text.Json;
using System.Text.Json.Nodes;
using GenomDE.Client;
using GenomDE.Orleans.Tests.Cases;
using GenomDE.Orleans.Tests.Fixtures;
using GenomDE.Orleans.Tests.Submissions;

namespace GenomDE.Orleans.Tests.Client;

/// <summary>The participants of one case as users of GenomDE.Client: each with its own client
/// credentials from the test API's embedded issuer.</summary>
internal static class ClientWorld
{
    public const string ProviderClient = "provider." + CaseScenario.Provider;
    public const string GdcClient = "gdc." + CaseScenario.Gdc;
    public const string CdnClient = "cdn." + CaseScenario.Cdn;
    public const string PayerClient = "payer.200000001";
    public const string OperatorClient = "operator.BfArM";

    public static GenomDeClientOptions Options(PlatformFixture platform, string clientId) => new()
    {
        BaseUrl = platform.BaseAddress,
        ClientId = clientId,
        ClientSecret = platform.Issuer.SecretFor(clientId),
        RetryDelay = TimeSpan.FromMilliseconds(20),
    };

    public static GenomDeClient For(PlatformFixture platform, string clientId, HttpMessageHandler? transport = null) =>
        new(Options(platform, clientId), transport);

    /// <summary>The example nodes the conformance documents name, approved by the operator with the
    /// very requests (keys and bodies) <see cref="CaseScenario"/> sends: whoever comes first acts,
    /// the other gets the replay.</summary>
    public static async Task ApproveExampleNodes(PlatformFixture platform)
    {
        using var op = For(platform, OperatorClient);
        foreach (var (kind, nodeId) in new[] { ("gdc", CaseScenario.Gdc), ("cdn", CaseScenario.Cdn) })
        {
            var apply = JsonSerializer.Serialize(new { kind = Enum.Parse<Domain.Nodes.NodeKind>(kind, true), name = $"Example node {nodeId}", site = "Teststadt" }, Http.Json);
            var applied = JsonDocument.Parse(await op.PostJsonAsync("/api/v1/nodes", apply, $"conformance-{nodeId}-apply")).RootElement;
            if (applied.GetProperty("status").GetString() == "applied" && applied.GetProperty("nodeId").ValueKind == JsonValueKind.Null)
            {
                var id = applied.GetProperty("applicationId").GetString()!;
                await op.PostJsonAsync($"/api/v1/nodes/{id}/review", JsonSerializer.Serialize(new { reason = "test" }, Http.Json), $"conformance-{nodeId}-review");
                await op.PostJsonAsync($"/api/v1/nodes/{id}/approve", JsonSerializer.Serialize(new { nodeId, reason = "approved in test" }, Http.Json), $"conformance-{nodeId}-approve");
            }
        }
    }

    public static string NewCaseId() => "CASE-" + TestIds.Key()[..12];

    /// <summary>A conformance metadata.json addressed to the case, with a fresh TAN.</summary>
    public static (string Json, string Tan) Genomic(string localCaseId, string file = MetadataDocument.WgsTumorGermline)
    {
        var document = MetadataDocument.Load(file);
        var tan = CaseScenario.NewTan();
        document.Submission["tanG"] = tan;
        document.Submission["localCaseId"] = localCaseId;
        document.Submission["submitterId"] = CaseScenario.Provider;
        return (document.Root.ToJsonString(), tan);
    }

    /// <summary>The example clinical metaData addressed to the case, with a fresh TAN.</summary>
    public static (string Json, string Tan) Clinical(string localCaseId)
    {
        var document = Tests.Clinical.ClinicalDocument.Load();
        var tan = CaseScenario.NewTan();
        document.MetaData["tanC"] = tan;
        document.MetaData["localCaseId"] = localCaseId;
        document.Submission["submitterId"] = CaseScenario.Provider;
        return (document.MetaData.ToJsonString(), tan);
    }

    /// <summary>The Prüfbericht a node writes for the submission <paramref name="tan"/> of the case (as the API shows it).</summary>
    public static string Report(string caseJson, string tan, bool passed = true)
    {
        var view = JsonSerializer.Deserialize<GrainInterfaces.Cases.CaseView>(caseJson, Http.Json)!;
        JsonObject report = CaseScenario.Report(view.Submissions.Single(s => s.Tan == tan), passed, CaseScenario.Provider);
        return report.ToJsonString();
    }

    public static string RecentFrom => DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string RecentTo => DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
