using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using GenomDE.Orleans.ClientApi.Auth;

namespace GenomDE.Orleans.Bench;

/// <summary>The participants of the run and their access tokens from the embedded issuer.</summary>
internal sealed class Participants
{
    /// <summary>The silo derives every client's secret from this key; the bench derives the same.</summary>
    public static readonly string ClientSecretKey = "bench-client-secret-key-" + Guid.NewGuid().ToString("N");

    private static readonly EmbeddedIssuer Secrets = new(new EmbeddedIssuerOptions { ClientSecretKey = ClientSecretKey }, new Uri("http://localhost/"));

    public const string Gdc = "GRZM00123";
    public const string Cdn = "KDKM00456";
    public const string Payer = "200000001";

    public required string Operator { get; init; }

    public required string GdcToken { get; init; }

    public required string CdnToken { get; init; }

    public required string PayerToken { get; init; }

    /// <summary>Provider IK → token.</summary>
    public Dictionary<string, string> Providers { get; } = new(StringComparer.Ordinal);

    public static Task<string> Mint(Api api, string role, string participantId)
    {
        var clientId = $"{role}.{participantId}";
        return api.Token(clientId, Secrets.SecretFor(clientId));
    }

    public static async Task<Participants> Setup(Api api)
    {
        // The example nodes of the conformance data: apply, review, approve (operator); only then
        // do they get tokens.
        var operatorToken = await Mint(api, "operator", "BfArM");
        foreach (var (kind, nodeId) in new[] { ("gdc", Gdc), ("cdn", Cdn) })
        {
            var applied = JsonNode.Parse(await api.Send("POST /nodes", HttpMethod.Post, "/api/v1/nodes", operatorToken,
                JsonSerializer.Serialize(new { kind, name = $"Example node {nodeId}", site = "Benchstadt" }), HttpStatusCode.Created, idempotencyKey: true))!;
            var id = applied["applicationId"]!.GetValue<string>();
            await api.Send("POST /nodes/{id}/review", HttpMethod.Post, $"/api/v1/nodes/{id}/review", operatorToken,
                JsonSerializer.Serialize(new { reason = "benchmark" }), idempotencyKey: true);
            await api.Send("POST /nodes/{id}/approve", HttpMethod.Post, $"/api/v1/nodes/{id}/approve", operatorToken,
                JsonSerializer.Serialize(new { nodeId, reason = "benchmark" }), idempotencyKey: true);
        }

        return new Participants
        {
            Operator = operatorToken,
            GdcToken = await Mint(api, "gdc", Gdc),
            CdnToken = await Mint(api, "cdn", Cdn),
            PayerToken = await Mint(api, "payer", Payer),
        };
    }

    /// <summary>Registers (PUT, operator) a provider if it is not seeded and mints its token.</summary>
    public async Task AddProvider(Api api, string ik, bool register)
    {
        if (register)
        {
            await api.Send("PUT /providers/{ik}", HttpMethod.Put, $"/api/v1/providers/{ik}", Operator, ProviderBody($"Bench LE {ik}"));
        }

        Providers[ik] = await Mint(api, "provider", ik);
    }

    public static string ProviderBody(string name) =>
        JsonSerializer.Serialize(new { name, indications = Indications, participationStart = "2024-01-01" });

    private static readonly string[] Indications = ["oncological", "rare"];
}

/// <summary>One request of a lifecycle: its method (a GET changes nothing) and its label in the tables.</summary>
internal sealed record Step(HttpMethod Method, string Label);

/// <summary>One full case lifecycle over the REST API, as the LE, the GDC, the CDN and the payer do it.</summary>
internal sealed class Lifecycle(Api api, Participants participants, string genomicTemplate, string clinicalTemplate)
{
    private static readonly Step CreateCase = new(HttpMethod.Post, "POST /cases");
    private static readonly Step Genomic = new(HttpMethod.Post, "POST /cases/{id}/genomic-submissions");
    private static readonly Step Clinical = new(HttpMethod.Post, "POST /cases/{id}/clinical-submissions");
    private static readonly Step TokenCsv = new(HttpMethod.Get, "GET /tokens/{code}/csv");
    private static readonly Step Claim = new(HttpMethod.Post, "POST /claims");

    /// <summary>The requests of one lifecycle, as <see cref="Run"/> sends them (it sends each of
    /// these steps, so the counts below are the lifecycle's own).</summary>
    public static readonly IReadOnlyList<Step> Steps =
        [CreateCase, Genomic, Clinical, .. NodeSteps("gdc"), .. NodeSteps("cdn"), TokenCsv, TokenCsv, Claim];

    /// <summary>HTTP requests one lifecycle makes.</summary>
    public static int RequestsPerLifecycle => Steps.Count;

    /// <summary>Requests that change something (all but the GETs): the steps a lifecycle needs a
    /// durable write for at least.</summary>
    public static int ChangingRequestsPerLifecycle => Steps.Count(s => s.Method != HttpMethod.Get);

    public static string NewTan() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public async Task Run(string provider, string localCaseId, CancellationToken ct)
    {
        var le = participants.Providers[provider];
        var casePath = $"/api/v1/cases/{localCaseId}";

        await api.Send(CreateCase, "/api/v1/cases", le,
            JsonSerializer.Serialize(new { localCaseId }), HttpStatusCode.Created, idempotencyKey: true, ct: ct);

        var tanG = NewTan();
        var metadata = JsonNode.Parse(genomicTemplate)!;
        var submission = metadata["submission"]!;
        submission["tanG"] = tanG;
        submission["localCaseId"] = localCaseId;
        submission["submitterId"] = provider;
        var date = SubmissionDate(localCaseId);
        submission["submissionDate"] = date;
        await api.Send(Genomic, casePath + "/genomic-submissions", le,
            metadata.ToJsonString(), HttpStatusCode.Created, idempotencyKey: true, ct: ct);

        var tanC = NewTan();
        var clinical = JsonNode.Parse(clinicalTemplate)!;
        clinical["tanC"] = tanC;
        clinical["localCaseId"] = localCaseId;
        clinical["submission"]!["submitterId"] = provider;
        clinical["submission"]!["date"] = date;
        await api.Send(Clinical, casePath + "/clinical-submissions", le,
            clinical.ToJsonString(), HttpStatusCode.Created, idempotencyKey: true, ct: ct);

        var codeG = await NodeProcesses("gdc", participants.GdcToken, tanG, provider, ct);
        var codeC = await NodeProcesses("cdn", participants.CdnToken, tanC, provider, ct);

        // The LE downloads its two Meldebestätigungen (CSV per code) and hands them to the payer.
        var tokenG = await Delivered(le, codeG, ct);
        var tokenC = await Delivered(le, codeC, ct);

        var claim = JsonNode.Parse(await api.Send(Claim, "/api/v1/claims", participants.PayerToken,
            JsonSerializer.Serialize(new { tokens = new[] { tokenC, tokenG } }), idempotencyKey: true, ct: ct))!;
        if (claim["accepted"]?.GetValue<bool>() != true)
        {
            throw new BenchFailureException("POST /claims: not accepted: " + claim.ToJsonString());
        }
    }

    /// <summary>A day of 2024-Q4 (the conformance example is dated 2024-10-28), fixed per case: real
    /// submissions arrive over a quarter, not all on one day, and a row waits in the bucket of its
    /// submission day until its receipt moves it to the receipt day's.</summary>
    public static string SubmissionDate(string localCaseId)
    {
        var hash = 2166136261u;
        foreach (var c in localCaseId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return new DateOnly(2024, 10, 1).AddDays((int)(hash % 92)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Receipt, basic QC (passed), then the Prüfbericht built from the node's view of the
    /// submission; returns the confirmation code the case got for it.</summary>
    private async Task<string> NodeProcesses(string node, string token, string tan, string provider, CancellationToken ct)
    {
        var (receipt, basicQc, checkReport) = NodeStepsOf(node);
        await api.Send(receipt, $"/api/v1/inbox/{tan}/receipt", token, "", ct: ct);
        var view = JsonNode.Parse(await api.Send(basicQc, $"/api/v1/inbox/{tan}/basic-qc", token,
            "{\"passed\":true}", ct: ct))!;
        var report = new JsonObject
        {
            ["SubmittedCase"] = new JsonObject
            {
                ["submissionDate"] = view["submissionDate"]!.GetValue<string>(),
                ["submissionType"] = view["submissionType"]!.GetValue<string>(),
                ["tan"] = tan,
                ["submitterId"] = provider,
                ["dataNodeId"] = view["nodeId"]!.GetValue<string>(),
                ["diseaseType"] = view["diseaseType"]!.GetValue<string>(),
                ["dataCategory"] = view["dataCategory"]!.GetValue<string>(),
                ["libraryType"] = view["libraryType"]?.GetValue<string>() ?? "none",
                ["coverageType"] = view["coverageType"]!.GetValue<string>(),
                ["dataQualityCheckPassed"] = true,
            },
        };
        var after = JsonNode.Parse(await api.Send(checkReport, "/api/v1/reports", token, report.ToJsonString(), ct: ct))!;
        return after["confirmation"]?["code"]?.GetValue<string>()
            ?? throw new BenchFailureException($"POST /reports ({node}): no confirmation code for {tan}: {after["confirmation"]?.ToJsonString()}");
    }

    private async Task<string> Delivered(string le, string code, CancellationToken ct)
    {
        var csv = await api.Send(TokenCsv, $"/api/v1/tokens/{code}/csv", le, null, ct: ct);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        return lines.Length == 2 && lines[1].Split(',') is [_, var delivered]
            ? delivered
            : throw new BenchFailureException("GET /tokens/{code}/csv: unexpected body " + csv);
    }

    /// <summary>A node's receipt, basic QC and Prüfbericht.</summary>
    private static (Step Receipt, Step BasicQc, Step Report) NodeStepsOf(string node) =>
        (new(HttpMethod.Post, $"POST /inbox/{{tan}}/receipt ({node})"), new(HttpMethod.Post, $"POST /inbox/{{tan}}/basic-qc ({node})"), new(HttpMethod.Post, $"POST /reports ({node})"));

    private static Step[] NodeSteps(string node)
    {
        var (receipt, basicQc, report) = NodeStepsOf(node);
        return [receipt, basicQc, report];
    }

    public static string CaseId(string run, int i) => string.Create(CultureInfo.InvariantCulture, $"BENCH-{run}-{i:D7}");
}
