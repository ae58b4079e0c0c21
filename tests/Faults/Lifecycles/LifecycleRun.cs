using System.Text.Json.Nodes;
using GenomDE.Orleans.Domain.Tokens;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.Tests.Cases;
using GenomDE.Orleans.Tests.Fixtures;
using GenomDE.Orleans.Tests.Submissions;

namespace GenomDE.Orleans.Tests.Faults.Lifecycles;

/// <summary>One case from registration to reimbursement over HTTP, as its participants run it:
/// every command has its own Idempotency-Key and is retried with it until it gets a definite
/// answer. Registration, genomic (WGS tumor+germline) and clinical submission, each node's
/// receipt, basic QC and Prüfbericht, then the payer claims both tokens. A run may stop early
/// (<see cref="Stop.AfterQc"/>) to leave open submissions in the inboxes.</summary>
public sealed class LifecycleRun(FaultWorld world)
{
    public enum Stop
    {
        AfterQc,
        Reimbursed,
    }

    private readonly string _key = TestIds.Key();
    private readonly Dictionary<string, SentCommand> _commands = [];
    private JsonNode? _genomic;
    private JsonObject? _clinical;

    public string LocalCaseId { get; } = "CASE-" + TestIds.Key()[..12];

    public string CaseKey => $"{world.Provider}:{LocalCaseId}";

    public string TanG => _genomic!["submission"]!["tanG"]!.GetValue<string>();

    public string TanC => _clinical!["tanC"]!.GetValue<string>();

    public SubmissionView? Genomic { get; private set; }

    public SubmissionView? Clinical { get; private set; }

    public Stop? Reached { get; private set; }

    /// <summary>When the GDC confirmed the genomic data arrived (the day places it in a quarterly report).</summary>
    public DateTimeOffset? GenomicReceivedAt { get; private set; }

    /// <summary>Called before each command is first sent (e.g. to arm a fault for exactly that step).</summary>
    public Func<string, Task>? BeforeStep { get; set; }

    /// <summary>How long the LE may wait for its two Meldebestätigungen after both reports were
    /// accepted (issued from the case's outbox; its retry timer doubles from 200 ms).</summary>
    public static readonly TimeSpan TokenPatience = TimeSpan.FromSeconds(30);

    /// <summary>How long the LE waited for its tokens after the reports (zero when they were there at once).</summary>
    public TimeSpan TokensWaited { get; private set; }

    /// <summary>The codes of the case's two Meldebestätigungen: token events name only the code.</summary>
    public IReadOnlyList<string> TokenCodes { get; private set; } = [];

    /// <summary>The payer's claim ID: claim events name only the claim.</summary>
    public string? ClaimId { get; private set; }

    /// <summary>Every command sent, by step name, with the answer it finally got.</summary>
    public IReadOnlyDictionary<string, SentCommand> Commands => _commands;

    public async Task Run(Stop until = Stop.Reimbursed, Action<string>? progress = null)
    {
        _genomic = GenomicDocument();
        _clinical = ClinicalDocument();
        await Command("register", world.Hospital, "/api/v1/cases", $"{{\"localCaseId\":\"{LocalCaseId}\"}}");
        Genomic = (await Command("genomic", world.Hospital, $"/api/v1/cases/{LocalCaseId}/genomic-submissions", _genomic.ToJsonString()))
            .Read<SubmissionAnswer>().Case.Submissions.Single(s => s.Tan == TanG);
        Clinical = (await Command("clinical", world.Hospital, $"/api/v1/cases/{LocalCaseId}/clinical-submissions", _clinical.ToJsonString()))
            .Read<SubmissionAnswer>().Case.Submissions.Single(s => s.Tan == TanC);
        progress?.Invoke("submitted");
        foreach (var (node, tan, prefix) in new[] { (world.GenomeCentre, TanG, "gdc"), (world.ClinicalNode, TanC, "cdn") })
        {
            var receipt = await Command($"{prefix}-receipt", node, $"/api/v1/inbox/{tan}/receipt", "{}");
            if (tan == TanG)
            {
                GenomicReceivedAt = receipt.Read<SubmissionView>().ReceivedAt;
            }

            await Command($"{prefix}-basic-qc", node, $"/api/v1/inbox/{tan}/basic-qc", "{\"passed\":true}");
        }

        progress?.Invoke("checked");
        if (until == Stop.AfterQc)
        {
            Reached = Stop.AfterQc;
            return;
        }

        await Command("gdc-report", world.GenomeCentre, "/api/v1/reports", CaseScenario.Report(Genomic, true, world.Provider).ToJsonString());
        await Command("cdn-report", world.ClinicalNode, "/api/v1/reports", CaseScenario.Report(Clinical, true, world.Provider).ToJsonString());
        progress?.Invoke("reported");

        // The Meldebestätigung is issued from the case's outbox after the report's write: when that
        // issuance met a fault, the token follows a moment later (the case's retry timer). Wait for it,
        // bounded; a token that never comes is a loss.
        var started = DateTime.UtcNow;
        List<string> delivered;
        while (true)
        {
            var tokens = (await FaultWorld.Expect(world.Hospital.Get(Http.RecentTokensPath), $"tokens of {CaseKey}")).Read<List<TokenView>>();
            delivered = [.. tokens.Where(t => t.Tan == TanG || t.Tan == TanC).Select(t => t.Record.Token.Delivered)];
            TokenCodes = [.. tokens.Where(t => t.Tan == TanG || t.Tan == TanC).Select(t => t.Code)];
            if (delivered.Count >= 2 || DateTime.UtcNow - started > TokenPatience)
            {
                break;
            }

            await Task.Delay(250);
        }

        Assert.True(delivered.Count == 2,
            $"{CaseKey}: expected the G and C token within {TokenPatience.TotalSeconds} s after both reports, the LE's list has {delivered.Count}");
        TokensWaited = DateTime.UtcNow - started;
        var claim = await Command("claim", world.Insurer, "/api/v1/claims", System.Text.Json.JsonSerializer.Serialize(new { tokens = delivered }, Http.Json));
        var answer = claim.Read<PayerClaimAnswer>();
        Assert.True(answer.Accepted, $"{CaseKey}: claim refused: {claim.Body}");
        ClaimId = answer.ClaimId;
        progress?.Invoke("reimbursed");
        Reached = Stop.Reimbursed;
    }

    private async Task<Answer> Command(string step, PatientClient client, string path, string body)
    {
        var key = $"{_key}-{step}";
        if (BeforeStep is { } before)
        {
            await before(step);
        }

        var answer = await FaultWorld.Expect(client.Post(path, body, key), $"{step} of {CaseKey}");
        _commands[step] = new SentCommand(step, client, HttpMethod.Post, path, body, key, answer);
        return answer;
    }

    private static int _runs;

    /// <summary>A day no earlier run of this process used (for its first 700 runs): the row of a new
    /// submission then opens a new reporting bucket, so every lifecycle writes its node's report
    /// period too, and a fault armed for that write always lands.</summary>
    private static string NextSubmissionDate() =>
        new DateOnly(2024, 1, 2).AddDays(Interlocked.Increment(ref _runs) % 700).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private JsonNode GenomicDocument()
    {
        var document = MetadataDocument.Load(MetadataDocument.WgsTumorGermline);
        document.Submission["tanG"] = CaseScenario.NewTan();
        document.Submission["localCaseId"] = LocalCaseId;
        document.Submission["submissionType"] = "initial";
        document.Submission["submitterId"] = world.Provider;
        document.Submission["submissionDate"] = NextSubmissionDate();
        return document.Root;
    }

    private JsonObject ClinicalDocument()
    {
        var document = Tests.Clinical.ClinicalDocument.Load();
        document.MetaData["tanC"] = CaseScenario.NewTan();
        document.MetaData["localCaseId"] = LocalCaseId;
        document.Submission["type"] = "initial";
        document.Submission["diseaseType"] = "oncological";
        document.Submission["submitterId"] = world.Provider;
        return document.MetaData;
    }
}
