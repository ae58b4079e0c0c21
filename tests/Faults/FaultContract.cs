namespace GenomDE.Orleans.Tests.Faults;

/// <summary>Where a fault lands in the platform's command path, which decides what a participant
/// sees (docs/architecture.md, "Outbox" and "Failure model").</summary>
public enum FaultPath
{
    /// <summary>Inside the request, before or as the command's own write: the command answers 503
    /// (storage_unavailable / cluster_unavailable), and its retry with the same Idempotency-Key
    /// answers what every later replay answers, byte for byte.</summary>
    Decision,

    /// <summary>After the command's write, from the writer's outbox (<c>OutboxRelay.FlushAsync</c>):
    /// the command still answers success at once, the writer's retry timer (200 ms doubling to 30 s)
    /// repeats the effect until it lands; nothing is visible to a participant but a short delay.</summary>
    Effect,
}

/// <summary>The one place that says, per grain type, on which path its fault lands in the tests'
/// scenarios (a full case lifecycle from <see cref="Lifecycles.FaultWorld"/>, or registering a
/// webhook). The tests assert the path's contract, so a grain moved from one path to the other
/// makes them fail until this table is changed with it.</summary>
public static class FaultContract
{
    /// <summary>Stateful grain type → the path of its FIRST state write in the scenario (the write a
    /// <see cref="FaultPlan.NextWriteOf"/> plan fails).</summary>
    public static readonly IReadOnlyDictionary<string, FaultPath> FirstWrite = new Dictionary<string, FaultPath>(StringComparer.Ordinal)
    {
        // Commands whose own state is the decision: the write is the command's one write.
        ["case"] = FaultPath.Decision, // register
        ["node"] = FaultPath.Decision, // apply
        ["provider"] = FaultPath.Decision, // PUT /providers/{ik}
        ["payer"] = FaultPath.Decision, // PUT /payers/{ik}
        ["reimbursement"] = FaultPath.Decision, // claim (the payer desk calls it in the request)

        // Written by the case while it decides, before its own write (awaited in the request).
        ["tan-claim"] = FaultPath.Decision, // genomic submission claims the TAN
        ["submission-locator"] = FaultPath.Decision, // genomic submission binds node + TAN to the case
        ["submission-document"] = FaultPath.Decision, // genomic submission keeps metadata.json (dropped later as an effect)
        ["detailed-qc-sampling"] = FaultPath.Decision, // basic QC decides detailed-QC sampling

        // Effects from an outbox, after the writer's write.
        ["node-directory"] = FaultPath.Decision, // the node's upsert after apply: node commands answer only once the directory knows (NodeGrain.DirectoryBehind)
        ["provider-directory"] = FaultPath.Effect, // the provider's upsert after registration
        ["payer-directory"] = FaultPath.Effect, // the payer's upsert after registration
        ["node-inbox"] = FaultPath.Effect, // the case's inbox upserts after a submission
        ["report-bucket"] = FaultPath.Effect, // the reporting projector's batch (a consumer of the event log)
        ["report-period"] = FaultPath.Effect, // the projector indexes a new bucket before writing it
        ["reporting-projector"] = FaultPath.Effect, // the projector's counters and checkpoint, once per batch
        ["provider-token-days"] = FaultPath.Effect, // Meldebestätigung issued after the report's write
        ["token-counter"] = FaultPath.Effect, // Meldebestätigung: the day's number for the TAN
        ["token"] = FaultPath.Effect, // Meldebestätigung: the token grain

        // POST /api/v1/webhooks writes all three inside the request (no outbox): WebhookFaultTests.
        ["webhook-endpoint"] = FaultPath.Decision, // Initialize (the new endpoint's setup and secret)
        ["webhook-registry"] = FaultPath.Decision, // the participant's list of endpoints and the stored reply
        ["webhook-directory"] = FaultPath.Decision, // the platform-wide list the event stream wakes
    };

    /// <summary>The stateful types a case lifecycle writes (FailedWriteTests); the rest are the webhook types.</summary>
    public static readonly IReadOnlySet<string> WebhookTypes = new HashSet<string>(StringComparer.Ordinal) { "webhook-endpoint", "webhook-registry", "webhook-directory" };

    /// <summary>Callee grain type → the path of the FIRST grain-to-grain call to it in a lifecycle
    /// (the call a <see cref="FaultPlan.NextCallTo"/> plan times out).</summary>
    public static readonly IReadOnlyDictionary<string, FaultPath> FirstCall = new Dictionary<string, FaultPath>(StringComparer.Ordinal)
    {
        ["case"] = FaultPath.Decision, // check-report intake → AcceptCheckReport (the API calls the case directly before that)
        ["tan-claim"] = FaultPath.Decision, // Claim, while the case decides a submission
        ["submission-locator"] = FaultPath.Decision, // Bind, while the case decides a submission
        ["submission-document"] = FaultPath.Decision, // Keep, while the case decides a genomic submission
        ["detailed-qc-sampling"] = FaultPath.Decision, // Decide, in basic QC
        ["provider"] = FaultPath.Decision, // Get, while the case decides a submission
        ["node-approvals"] = FaultPath.Decision, // IsApproved (the silo's cache), while the case decides a submission
        ["reimbursement"] = FaultPath.Decision, // Claim, from the payer desk
        ["node-inbox"] = FaultPath.Effect, // the case's inbox upserts
        ["report-bucket"] = FaultPath.Effect, // from the reporting projector's batch
        ["report-period"] = FaultPath.Effect, // from the reporting projector's batch
        ["token"] = FaultPath.Effect, // Issue, from the case after the report's write
        ["token-counter"] = FaultPath.Effect, // the day's number, from the case after the report's write
        ["provider-token-days"] = FaultPath.Effect, // the LE's day index, from the case after the report's write
        ["provider-directory"] = FaultPath.Effect, // the provider's upsert after registration
        ["payer-directory"] = FaultPath.Effect, // the payer's upsert after registration
        ["node-directory"] = FaultPath.Decision, // the node's upsert after apply: node commands answer only once the directory knows
    };
}
