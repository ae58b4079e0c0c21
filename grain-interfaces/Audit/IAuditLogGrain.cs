using GenomDE.Orleans.Domain.Common;

namespace GenomDE.Orleans.GrainInterfaces.Audit;

/// <summary>The one writer of the audit chain (key 0): appends in batches (group commit), signs
/// checkpoints, verifies. Appends answer once their entries are durable.</summary>
[Alias("genomde.IAuditLogGrain")]
public interface IAuditLogGrain : IGrainWithIntegerKey
{
    /// <summary>Appends the drafts in order; answers the sequence number of the last one once stored.</summary>
    [Alias("Append")]
    Task<long> Append(IReadOnlyList<AuditDraft> drafts);

    /// <summary>Signs a checkpoint of the current head now (the latest one when nothing was appended
    /// since); a replay of the same keyed request answers the checkpoint it answered first.</summary>
    [Alias("Checkpoint")]
    Task<Result<AuditCheckpoint>> Checkpoint(CommandContext context);

    [Alias("Checkpoints")]
    Task<IReadOnlyList<AuditCheckpoint>> Checkpoints();

    [Alias("Verify")]
    Task<AuditVerification> Verify();

    /// <summary>Entries after <paramref name="afterSeq"/>, oldest first.</summary>
    [Alias("Entries")]
    Task<IReadOnlyList<AuditEntry>> Entries(long afterSeq, int limit);

    /// <summary>The inclusion proof of entry <paramref name="seq"/> against checkpoint
    /// <paramref name="checkpointSeq"/> (default: the latest that covers it). The operator reaches
    /// every entry, a participant only the entries it made (another's answers as unknown).</summary>
    [Alias("Proof")]
    Task<Result<AuditProof>> Proof(Caller caller, long seq, long? checkpointSeq);
}
